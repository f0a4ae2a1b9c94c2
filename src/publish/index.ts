/** @module What `npm run publish` runs (bundled for Node) and what tests call in workerd. */
export { type PublishOptions, type PublishSummary, publish } from './publish.ts'
export type { ArchiveStorage } from './stored.ts'
