/**
 * @module
 * What the Worker publishes for one public origin. The catalog is built once per isolate, on
 * the first request; each document's model and bytes are built and hashed at most once per
 * isolate and origin, on first request. Content is fixed per deploy.
 */
import { content } from '../../content/index.ts'
import { buildFeedModel, type DocumentRef } from '../feed/build.ts'
import { buildCatalog, type Catalog } from '../feed/catalog.ts'
import type { FeedModel } from '../feed/model.ts'
import { createRepresentation, type Representation } from './representation.ts'

export type Rendered = {
  readonly body: string
  /** The newest change the body shows; absent for code (stylesheets, scripts), which only an ETag describes. */
  readonly lastModified?: Date
}

let sharedCatalog: Catalog | undefined

/** The catalog of this deploy's content, built on first use. */
export const catalog = (): Catalog => {
  sharedCatalog ??= buildCatalog(content)
  return sharedCatalog
}

const refKey = ({ tag, page }: DocumentRef): string => `${tag ?? ''}\u0000${page ?? ''}`

export class PublishedSite {
  readonly origin: string
  readonly catalog: Catalog
  readonly #models = new Map<string, FeedModel | undefined>()
  readonly #documents = new Map<string, Promise<Representation>>()

  constructor(origin: string, catalog: Catalog) {
    this.origin = origin
    this.catalog = catalog
  }

  /** The site's subscription document: it always exists (content has at least one article). */
  siteModel(): FeedModel {
    return this.model() as FeedModel
  }

  /** The model of a feed document (subscription or archive page, site or tag), or undefined. */
  model(ref: DocumentRef = {}): FeedModel | undefined {
    const key = refKey(ref)
    if (!this.#models.has(key)) this.#models.set(key, buildFeedModel(this.catalog, { origin: this.origin, ...ref }))
    return this.#models.get(key)
  }

  /** The document under `key`, rendered on first use and kept. */
  document(key: string, contentType: string, render: () => Rendered | Promise<Rendered>): Promise<Representation> {
    let document = this.#documents.get(key)
    if (!document) {
      document = Promise.resolve()
        .then(render)
        .then(({ body, lastModified }) => createRepresentation(body, contentType, lastModified))
      // A failed render is not kept: the next request tries again (and reports again).
      document.catch(() => this.#documents.delete(key))
      this.#documents.set(key, document)
    }
    return document
  }
}

/**
 * Without PUBLIC_ORIGIN the origin comes from the request's Host, which anyone can set: keep
 * the few most recent so that stray hosts cannot grow memory without bound.
 */
const MAX_ORIGINS = 4
const sites = new Map<string, PublishedSite>()

export const publishedSite = (origin: string): PublishedSite => {
  const site = sites.get(origin) ?? new PublishedSite(origin, catalog())
  sites.delete(origin)
  sites.set(origin, site)
  if (sites.size > MAX_ORIGINS) sites.delete(sites.keys().next().value as string)
  return site
}
