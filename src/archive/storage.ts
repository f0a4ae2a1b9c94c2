/** @module Where the archive lives: D1 (the index) and R2 (the documents), as bound in wrangler.toml. */

/** The archive's two stores, locally (wrangler's simulation) or remotely. */
export type ArchiveStorage = { readonly db: D1Database; readonly bucket: R2Bucket }
