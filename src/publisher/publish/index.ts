/** @module What `npm run publish` runs (bundled for Node) and what tests call in workerd. */

export type { ArchiveStorage } from '../../archive/storage.ts'
export { articleHash } from './article-hash.ts'
export { type PublishOptions, type PublishSummary, publish } from './publish.ts'
