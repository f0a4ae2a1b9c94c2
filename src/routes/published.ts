/**
 * @module
 * What the Worker publishes for one public origin: the model, built once, and each document
 * rendered and hashed at most once per isolate, on first request. Content is fixed per deploy.
 */
import { content } from '../../content/index.ts'
import { buildFeedModel } from '../feed/build.ts'
import type { FeedItem, FeedModel } from '../feed/model.ts'
import { createRepresentation, type Representation } from './representation.ts'

export type Rendered = { readonly body: string; readonly lastModified: Date }

export class PublishedSite {
  readonly model: FeedModel
  readonly #bySlug: ReadonlyMap<string, FeedItem>
  readonly #documents = new Map<string, Promise<Representation>>()

  constructor(origin: string) {
    this.model = buildFeedModel(content, { origin })
    this.#bySlug = new Map(this.model.items.map((item) => [item.slug, item]))
  }

  item(slug: string): FeedItem | undefined {
    return this.#bySlug.get(slug)
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
  const site = sites.get(origin) ?? new PublishedSite(origin)
  sites.delete(origin)
  sites.set(origin, site)
  if (sites.size > MAX_ORIGINS) sites.delete(sites.keys().next().value as string)
  return site
}
