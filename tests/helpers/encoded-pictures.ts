/**
 * @module
 * publish()'s `pictures` and `icons` for tests inside workerd, where sharp cannot run: the bytes
 * the publisher's pipeline encoded (tests/fixtures/pictures/, made by its generate.ts). `encode`
 * counts its calls, so a test can prove a stored picture is never encoded again.
 */
import { type ArticleImage, articleImages } from '../../content/article-images.ts'
import type { Content } from '../../content/load.ts'
import type { CatalogMedia } from '../../src/publisher/feed/catalog.ts'
import { type BinaryFile, iconURLs } from '../../src/publisher/publish/binary-files.ts'
import {
  type EncodedPictureVariant,
  type PictureSource,
  type PlannedPicture,
  pictureTable,
  VariantLengths,
} from '../../src/publisher/publish/pictures.ts'
import { ENCODED_ICONS, ENCODED_PICTURES } from '../fixtures/pictures/encoded.ts'

/** The sources the fixtures hold, as an article names them. */
export type FixtureSource = keyof typeof ENCODED_PICTURES

const bytesOf = (base64: string): Uint8Array => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))

/** The encoded variants of a fixture source. */
export const encodedVariants = (src: FixtureSource): EncodedPictureVariant[] =>
  ENCODED_PICTURES[src].variants.map((variant) => ({ ...variant, bytes: bytesOf(variant.bytes) }))

/** A fixture source's plan (what planImageVariants said of it). */
export const planOf = (src: FixtureSource): PlannedPicture => {
  const { fingerprint, width, height, variants } = ENCODED_PICTURES[src]
  return { fingerprint, width, height, variants: variants.map(({ bytes: _bytes, ...variant }) => variant) }
}

export type CountingSource = PictureSource & { readonly encoded: string[] }

/** The pictures of `content`'s articles (every `src` must be a fixture source); `encoded` lists each encode call. */
export const fixturePictures = (content: Content): CountingSource => {
  const encoded: string[] = []
  const uses = new Map(
    content.articles.map((article) => [
      article.slug,
      [...new Set(articleImages(article).map((use: ArticleImage) => use.image.src))],
    ]),
  )
  const plans = new Map([...new Set([...uses.values()].flat())].map((src) => [src, planOf(src as FixtureSource)]))
  return {
    uses,
    plans,
    encoded,
    encode: async (src, only) => {
      encoded.push(src)
      return encodedVariants(src as FixtureSource).filter(only)
    },
  }
}

/** The site icon's files, as renderSiteIcons made them. */
export const fixtureIcons = (): BinaryFile[] =>
  ENCODED_ICONS.map(({ path, contentType, bytes }) => ({ path, contentType, bytes: bytesOf(bytes) }))

/**
 * What the catalog gets after a publish of `content`'s pictures, without storage: the fixture
 * pictures' table (each variant's length that of its fixture bytes) and the icon URLs, for the
 * pure renderers (tests in Node that parse our feeds with other programs).
 */
export const fixtureCatalogMedia = (content: Content, origin: string): Required<CatalogMedia> => {
  const pictures = fixturePictures(content)
  // Never asked to read: every length is set here.
  const lengths = new VariantLengths({} as R2Bucket)
  for (const src of pictures.plans.keys())
    for (const variant of encodedVariants(src as FixtureSource)) lengths.set(variant.key, variant.bytes.length)
  return { pictures: pictureTable(pictures, origin, lengths), icons: iconURLs(origin) }
}
