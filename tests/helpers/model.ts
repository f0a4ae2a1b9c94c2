/** Builds the model of one document from content, failing loudly if it does not exist. */
import type { Content } from '../../content/load.ts'
import { buildFeedModel } from '../../src/feed/build.ts'
import { buildCatalog } from '../../src/feed/catalog.ts'
import type { FeedModel } from '../../src/feed/model.ts'
import type { DocumentRef } from '../../src/feed/paths.ts'

export const modelOf = (content: Content, origin: string, ref: DocumentRef = {}): FeedModel => {
  const model = buildFeedModel(buildCatalog(content), { origin, ...ref })
  if (!model) throw new Error(`no document ${JSON.stringify(ref)}`)
  return model
}
