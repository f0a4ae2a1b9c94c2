/**
 * @module
 * Validates a ninjs document against IPTC's own JSON Schemas (schemas/, copied from
 * iptc/newsinjson) with Ajv, as IPTC's validation suite does (`validation/javascript.sh`:
 * ajv + ajv-formats, draft-07 for 1.x, draft 2020-12 with the GeoJSON schema for 2.x).
 * Each error becomes one line: the JSON Pointer (RFC 6901) of the value, what is wrong, the fix.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

/** A problem in an input document: `path` is a JSON Pointer into it ("" is the whole document). */
export type InputProblem = { readonly path: string; readonly message: string; readonly fix: string }

/** The two generations we import: 1.x names (`headline`, `body_html`…) and 2.x arrays (`headlines[]`…). */
export type NinjsGeneration = '1.6' | '2.2'

// ajv-formats is CommonJS with `export default`; under Node's ESM interop the function is the module itself.
const addFormats = addFormatsModule as unknown as (ajv: Ajv | Ajv2020) => void

const readSchema = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'schemas', name), 'utf8'))

let validators: Record<NinjsGeneration, ValidateFunction> | undefined

/**
 * Compiled once, on first use. `strict: false`: IPTC's schemas carry keywords Ajv's strict mode
 * refuses (e.g. `title` beside `$ref`); they are annotations and change no result.
 */
const compiled = (): Record<NinjsGeneration, ValidateFunction> => {
  if (validators) return validators
  const draft7 = new Ajv({ allErrors: true, strict: false })
  const draft2020 = new Ajv2020({ allErrors: true, strict: false })
  addFormats(draft7)
  addFormats(draft2020)
  draft2020.addSchema(readSchema('GeoJSON-schema.json'))
  validators = {
    '1.6': draft7.compile(readSchema('ninjs-schema_1.6.json')),
    '2.2': draft2020.compile(readSchema('ninjs-schema_2.2.json')),
  }
  return validators
}

/** Properties only 2.x has: a document with any of them is read as 2.x, otherwise as 1.x. */
const ONLY_2X = [
  'headlines',
  'descriptions',
  'bodies',
  'subjects',
  'people',
  'organisations',
  'places',
  'events',
  'objects',
  'infosources',
  'trustindicators',
  'genres',
  'by',
  'standard',
]

/** 1.x names and what 2.x calls them, for the fix of a 1.x property in a 2.x document. */
const RENAMED_IN_2X: Readonly<Record<string, string>> = {
  headline: 'headlines: [{ "value": … }]',
  byline: 'by',
  subject: 'subjects',
  person: 'people',
  organisation: 'organisations',
  place: 'places',
  event: 'events',
  object: 'objects',
  infosource: 'infosources',
  trustindicator: 'trustindicators',
  genre: 'genres',
  $standard: 'standard',
  description_text: 'descriptions: [{ "value": … }]',
  body_text: 'bodies: [{ "contenttype": "text/plain", "value": … }]',
  body_html: 'bodies: [{ "contenttype": "text/html", "value": … }]',
}

export const ninjsGeneration = (document: Record<string, unknown>): NinjsGeneration =>
  ONLY_2X.some((name) => name in document) ? '2.2' : '1.6'

const pointer = (base: string, property: string): string =>
  `${base}/${property.replaceAll('~', '~0').replaceAll('/', '~1')}`

const problemOf = (error: ErrorObject, generation: NinjsGeneration): InputProblem => {
  const { instancePath: path, keyword, params } = error
  const schema = `ninjs ${generation} (https://iptc.org/std/ninjs/)`
  switch (keyword) {
    case 'required':
      return {
        path: pointer(path, String(params.missingProperty)),
        message: 'is missing.',
        fix: `add "${params.missingProperty}": ${schema} requires it.`,
      }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const property = String(params.additionalProperty ?? params.unevaluatedProperty)
      const renamed = RENAMED_IN_2X[property]
      return {
        path: pointer(path, property),
        message: `is not a property of ${schema}, which allows no others.`,
        fix: renamed && generation === '2.2' ? `ninjs 2.x calls it ${renamed}.` : 'remove it or correct its name.',
      }
    }
    case 'type':
      return {
        path,
        message: `${error.message}.`,
        fix: `write ${/^[aeiou]/.test(String(params.type)) ? 'an' : 'a'} ${params.type} here, as ${schema} requires.`,
      }
    case 'format':
      return {
        path,
        message: `is not a valid ${params.format}.`,
        fix:
          params.format === 'date-time'
            ? 'write an RFC 3339 date-time with its offset, e.g. 2026-12-03T09:30:00+03:00.'
            : `write a valid ${params.format}.`,
      }
    case 'enum':
      return {
        path,
        message: 'is not one of the allowed values.',
        fix: `use one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`,
      }
    default:
      return { path, message: `${error.message}.`, fix: `correct it to match ${schema}.` }
  }
}

const problemsOf = (validate: ValidateFunction, generation: NinjsGeneration): InputProblem[] => {
  const seen = new Set<string>()
  return (validate.errors ?? [])
    .map((error) => problemOf(error, generation))
    .filter((problem) => {
      const key = `${problem.path}\n${problem.message}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
}

/**
 * The generation the document is valid in (the one its property names suggest first, then the
 * other: some documents, e.g. one with only `uri` and `associations`, carry no name of their
 * own), or that generation's schema errors, one per path and message.
 */
export const validateNinjs = (
  document: unknown,
): { readonly generation: NinjsGeneration; readonly problems: InputProblem[] } => {
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    return {
      generation: '2.2',
      problems: [
        { path: '', message: 'is not a JSON object.', fix: 'give one ninjs news item per file, as an object.' },
      ],
    }
  const likely = ninjsGeneration(document as Record<string, unknown>)
  const other: NinjsGeneration = likely === '2.2' ? '1.6' : '2.2'
  const validators = compiled()
  if (validators[likely](document)) return { generation: likely, problems: [] }
  const problems = problemsOf(validators[likely], likely)
  if (validators[other](document)) return { generation: other, problems: [] }
  return { generation: likely, problems }
}
