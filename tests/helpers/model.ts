/** Builds the model of one document from content, failing loudly if it does not exist. */
import type { Content } from '../../content/load.ts'
import type { DocumentRef } from '../../src/archive/paths.ts'
import { buildFeedModel } from '../../src/publisher/feed/build.ts'
import { buildCatalog } from '../../src/publisher/feed/catalog.ts'
import type { FeedModel } from '../../src/publisher/feed/model.ts'

export const modelOf = (content: Content, origin: string, ref: DocumentRef = {}): FeedModel => {
  const model = buildFeedModel(buildCatalog(content), { origin, ...ref })
  if (!model) throw new Error(`no document ${JSON.stringify(ref)}`)
  return model
}
