/**
 * @module
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). Written here, not by `feed`, whose
 * JSON output is version 1 (no `authors`, no `language`).
 */
import { enclosureWithLength } from './media-rss.ts'
import type { FeedItem, FeedModel } from './model.ts'
import { enclosureOf } from './picture.ts'

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1'

const toJSONItem = (item: FeedItem) => ({
  // A string, unique and permanent (1.1: "id should be a string").
  id: item.id,
  url: item.url,
  title: item.title,
  summary: item.summary,
  content_html: item.contentHTML,
  date_published: item.published.toISOString(),
  date_modified: item.updated.toISOString(),
  authors: item.authors.map((author) => ({ name: author.name })),
  // Deprecated in 1.1; kept for 1.0 readers and equal to authors[0].
  author: item.authors[0] ? { name: item.authors[0].name } : undefined,
  tags: item.tags.map((tag) => tag.name),
  language: item.language,
  // 1.1 `image`: "the main, featured image for the item" (NetNewsWire shows it), and the same
  // file as an attachment, which Miniflux reads (it takes only attachments from JSON Feed).
  image: item.image === undefined ? undefined : enclosureOf(item.image).url,
  attachments:
    item.image === undefined
      ? undefined
      : [
          (({ url, type, length }) => ({ url, mime_type: type, size_in_bytes: length }))(
            enclosureWithLength(item.image),
          ),
        ],
})

/** Renders the model as a JSON Feed 1.1 document. Same model, same bytes. */
export const renderJSONFeed = (model: FeedModel): string =>
  JSON.stringify(
    {
      version: JSON_FEED_VERSION,
      title: model.title,
      home_page_url: model.links.html,
      feed_url: model.links.json,
      description: model.description,
      language: model.language,
      // The next older page (JSON Feed 1.1 `next_url`; RFC 5005 prev-archive in the XML feeds).
      next_url: model.history.prevArchive?.json,
      // "Subscribing to Real-time Notifications": the topic is `feed_url`.
      hubs: model.hub === undefined ? undefined : [{ type: 'WebSub', url: model.hub }],
      // 1.1: `icon` "should be square and relatively large — such as 512 x 512", `favicon` "should
      // be square and relatively small, but not smaller than 64 x 64".
      icon: model.icons?.png512,
      favicon: model.icons?.png64,
      items: model.items.map(toJSONItem),
    },
    null,
    2,
  )
