/**
 * @module
 * Documents whose bytes are made outside the plan, in Node: the site icon's files
 * (src/publisher/images/icons.ts renders them with sharp, which the runtime-neutral publisher
 * cannot load). Published like the assets: first, with an ETag and no Last-Modified; their
 * fingerprint is their entity tag, so only new bytes are written.
 */
import { entityTagOfBytes } from '../../archive/entity-tag.ts'
import { ICON_PATHS } from '../../archive/paths.ts'
import type { SiteIcons } from '../feed/model.ts'
import { PHASES, type PlannedDocument } from './plan.ts'

/** A planned document whose body is bytes. */
export type PlannedFile = Omit<PlannedDocument, 'render'> & {
  readonly render: () => { readonly body: Uint8Array<ArrayBuffer>; readonly lastModified?: Date }
}

/** A file to publish at `path`. */
export type BinaryFile = { readonly path: string; readonly contentType: string; readonly bytes: Uint8Array }

/** The files as planned documents. */
export const binaryDocuments = async (files: readonly BinaryFile[]): Promise<PlannedFile[]> =>
  Promise.all(
    files.map(async ({ path, contentType, bytes }): Promise<PlannedFile> => {
      const body = new Uint8Array(bytes)
      return {
        path,
        phase: PHASES.articles,
        order: -1,
        contentType,
        styled: false,
        immutable: false,
        shows: [],
        source: `file\u0000${path}\u0000${await entityTagOfBytes(contentType, body)}`,
        render: () => ({ body }),
      }
    }),
  )

/** The icon URLs feeds and pages name, for `origin`. */
export const iconURLs = (origin: string): SiteIcons => ({
  png32: origin + ICON_PATHS.png32,
  png64: origin + ICON_PATHS.png64,
  png512: origin + ICON_PATHS.png512,
  favicon: origin + ICON_PATHS.favicon,
})
