/**
 * @module
 * The fields of a picture (an article's `image`, a body `figure`): what content/ can check without
 * reading the file. The file itself — that it exists, is what its extension says, decodes whole and
 * is not a decompression bomb — is checked by the builder (src/publisher/images/check.ts), which
 * reads content/media/.
 */
import { IMAGE_FIELDS, unknownFields } from './known-fields.ts'
import { textProblem } from './rules.ts'
import type { ImageInput } from './schema.ts'

/** The folder every `src` is relative to. */
export const MEDIA_DIR = 'content/media'

/** The formats we publish, by file extension (lower-cased). */
export const MEDIA_EXTENSIONS = { jpg: 'jpeg', jpeg: 'jpeg', png: 'png', webp: 'webp', avif: 'avif' } as const

export type MediaFormat = (typeof MEDIA_EXTENSIONS)[keyof typeof MEDIA_EXTENSIONS]

const ALLOWED = 'JPEG (.jpg, .jpeg), PNG (.png), WebP (.webp) or AVIF (.avif)'

/** The format a `src` names by its extension, or undefined. */
export const formatOfSource = (src: string): MediaFormat | undefined => {
  const extension = /\.([^./]+)$/.exec(src)?.[1]?.toLowerCase() ?? ''
  return Object.hasOwn(MEDIA_EXTENSIONS, extension)
    ? MEDIA_EXTENSIONS[extension as keyof typeof MEDIA_EXTENSIONS]
    : undefined
}

export type FieldProblem = { readonly field: string; readonly message: string; readonly fix: string }

/** What is wrong with a `src` path (not the file), or undefined. */
const sourceProblem = (src: unknown): { message: string; fix: string } | undefined => {
  const text = textProblem(src)
  if (text) return { message: text, fix: `name a file under ${MEDIA_DIR}/, e.g. "2026/12/harbour.jpg".` }
  const path = src as string
  if (/^[a-z][a-z0-9+.-]*:/i.test(path))
    return {
      message: `"${path}" is a URL; pictures are published from our own files.`,
      fix: `save the picture under ${MEDIA_DIR}/ and name its path there.`,
    }
  const segments = path.split('/')
  if (path.includes('\\') || segments.some((segment) => segment === '' || segment === '.' || segment === '..'))
    return {
      message: `"${path}" is not a plain path inside ${MEDIA_DIR}/.`,
      fix: 'write it relative to content/media/ with / between folders, without leading /, "." or "..".',
    }
  if (/\.svgz?$/i.test(path))
    return {
      message: 'is an SVG: SVG is a document that can carry script, and readers show it inconsistently.',
      fix: `export the picture as ${ALLOWED}.`,
    }
  if (formatOfSource(path) === undefined)
    return { message: `"${path}" is not ${ALLOWED}.`, fix: `convert it to ${ALLOWED}.` }
  return undefined
}

/** Every problem with the picture at `field` (e.g. `image`, `body[3].figure`); empty when it is valid. */
export const imageFieldProblems = (field: string, value: unknown): FieldProblem[] => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [
      {
        field,
        message: 'is not a picture.',
        fix: "write { src: 'folder/file.jpg', alt: 'what it shows', credit: 'Photo: Name / Agency' }.",
      },
    ]
  const image = value as ImageInput
  const problems: FieldProblem[] = unknownFields(image, IMAGE_FIELDS, field)
  const add = (name: string, message: string | undefined, fix: string): void => {
    if (message) problems.push({ field: `${field}.${name}`, message, fix })
  }
  const source = sourceProblem(image.src)
  if (source) add('src', source.message, source.fix)
  add('alt', textProblem(image.alt), 'describe what the picture shows, for readers who cannot see it.')
  add('credit', textProblem(image.credit), 'credit who took or supplied it, e.g. "Photo: Ivan Petrov / TASS".')
  if (image.caption !== undefined)
    add('caption', textProblem(image.caption), 'write the caption as plain text, or remove it.')
  return problems
}
