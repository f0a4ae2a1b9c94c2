/**
 * @module
 * Publishing: content → the documents that differ from what storage holds → R2 and D1.
 *
 * Every document has a fingerprint: a hash of the code version, the origin, the site and what
 * the document shows (plan.ts). Only documents whose fingerprint changed are rendered, and only
 * those whose bytes changed are written, so running again with nothing changed writes nothing,
 * and one new article rewrites only the documents that show it. Which documents to fingerprint at
 * all is decided per scope (touched.ts): only the lists whose paging hash changed, and what they
 * show, are visited, so the work does not grow with the archive.
 *
 * Safe to interrupt: each R2 object holds one document's bytes with its validators (one put,
 * atomic); writes go in PHASES order, one phase and order at a time, so no feed or archive page
 * links to a page not yet written (tests/publish-write-order.test.ts); a document's
 * D1 row is updated after its object, so a run that stops half-way leaves rows that the next
 * run sees as out of date and completes. Removed documents become 410 tombstones last.
 */

import type { Content } from '../../../content/load.ts'
import { type Compressors, DEFAULT_COMPRESSORS } from '../../archive/encodings.ts'
import { entityTag, entityTagOfBytes, sha256Hex } from '../../archive/entity-tag.ts'
import {
  readArticleRows,
  readArticleRowsAtPositions,
  readDocumentRows,
  readDocumentRowsAt,
  readScopeRows,
  writeArticleRows,
  writeDocumentRows,
  writeScopeRows,
} from '../../archive/index-queries.ts'
import { ARTICLE_COLUMNS, type ArticleRow, type DocumentRow } from '../../archive/index-rows.ts'
import { MEDIA_TYPES, XML } from '../../archive/media-types.ts'
import { articlePath, GONE_KEY, parsePath } from '../../archive/paths.ts'
import { readStored } from '../../archive/read.ts'
import type { ArchiveStorage } from '../../archive/storage.ts'
import { writeStored } from '../../archive/write.ts'
import { buildCatalog, type Catalog, type CatalogEntry } from '../feed/catalog.ts'
import { articleHash } from './article-hash.ts'
import { type BinaryFile, binaryDocuments, iconURLs, type PlannedFile } from './binary-files.ts'
import { deferredBucket, type StorageWrite } from './deferred-bucket.ts'
import { documentTagsOf } from './document-tags.ts'
import { phaseTimer } from './phase-timer.ts'
import { enclosureKeys, withPictureFingerprints } from './picture-fingerprints.ts'
import { type PictureSource, type PictureSummary, pictureTable, storePictures, VariantLengths } from './pictures.ts'
import {
  articleDocument,
  listDocuments,
  newsSitemapDocument,
  type PlannedDocument,
  pageContext,
  planDocuments,
  sitemapDocuments,
} from './plan.ts'
import { runAhead } from './run-ahead.ts'
import { findTouched, scopeKey, type Touched } from './touched.ts'

export type PublishOptions = {
  /** Origin of every link, e.g. "https://news.example.com". */
  readonly origin: string
  /** Identifies the rendering code: a new version re-renders everything (and writes what differs). */
  readonly codeVersion: string
  /**
   * Content hashes by slug, of articles given without their body (scripts/content-cache.ts):
   * the hash stands for the text in fingerprints. Others are hashed here.
   */
  readonly knownHashes?: ReadonlyMap<string, string>
  /** Gives the articles of these slugs their body, before anything that shows them is rendered. */
  readonly loadBodies?: (slugs: readonly string[]) => Promise<void>
  /** Takes back bodies `loadBodies` gave, once no document left to write shows them. */
  readonly releaseBodies?: (slugs: readonly string[]) => void
  /** Documents whose bodies are loaded at once (the next ones load while these are written). */
  readonly segmentSize?: number
  /** Render and write every document, whatever the index says (repairs storage that lost objects). */
  readonly force?: boolean
  /**
   * Plan every document, and read every index row, instead of the lists the `scopes` rows say a
   * change touched: for storage whose last publish may not have completed (no publish receipt,
   * src/archive/publish-receipt.ts), where those rows may not describe what R2 holds — an
   * interrupted run can have written pages of articles that are gone now. Writes only what differs.
   */
  readonly planAll?: boolean
  /** The WebSub hub the subscription feeds name (src/config.ts `hubURL`); absent: none. */
  readonly hub?: string
  /** Documents rendered and written together (one D1 batch each). */
  readonly batchSize?: number
  /**
   * Compressors for the variants stored beside each document (src/archive/encodings.ts). Default:
   * gzip through CompressionStream; scripts/publish.ts passes Node's zlib for gzip and brotli
   * (src/publisher/node/zlib-compressors.ts; this code is bundled platform-neutral).
   */
  readonly compressors?: Compressors
  readonly log?: (message: string) => void
  /** Logs the time of each phase (`npm run publish -- --profile`). */
  readonly profile?: boolean
  /** The articles' pictures (pictures.ts): stored before anything shows them. Absent: none are shown. */
  readonly pictures?: PictureSource
  /**
   * The site icon's files (src/publisher/images/icons.ts, made in Node), published as documents;
   * feeds and pages name them. Absent: no /favicon.ico, and feeds name no icon.
   */
  readonly icons?: readonly BinaryFile[]
}

export type PublishSummary = {
  readonly articles: { readonly added: number; readonly changed: number; readonly removed: number }
  readonly documents: {
    /** Objects written to R2 with new bytes. */
    readonly written: number
    /** Documents re-rendered to the same bytes: only their fingerprint was updated. */
    readonly unchanged: number
    /** Documents no longer published, now 410 Gone. */
    readonly removed: number
  }
  /** Paths whose bytes changed or that were removed, in write order (for WebSub notifications). */
  readonly changedPaths: readonly string[]
  /** Picture variants encoded and written, when publishing with `pictures`. */
  readonly pictures?: PictureSummary
}

type Prepared = { readonly document: PlannedDocument | PlannedFile; readonly fingerprint: string }

/** A document rendered: its index row, and the writes that store it (none when storage holds the same bytes). */
type Ready = { readonly row: DocumentRow; readonly writes?: readonly StorageWrite[] }

const articleRow = (content: Content, index: number, fingerprint: string): ArticleRow => {
  const article = content.articles[index] as Content['articles'][number]
  return {
    id: article.id,
    slug: article.slug,
    file: article.file,
    title: article.title,
    published: article.publishedAt.getTime(),
    updated: article.updatedAt.getTime(),
    tags: JSON.stringify(article.tags),
    position: 0,
    fingerprint,
  }
}

/** `documents` in consecutive slices that show at most `size` bodies in all (one document at least). */
const segmentsOf = (documents: readonly Prepared[], size: number): Prepared[][] => {
  const segments: Prepared[][] = []
  let shows = 0
  for (const prepared of documents) {
    const segment = segments.at(-1)
    if (segment && shows + prepared.document.shows.length <= size) segment.push(prepared)
    else {
      segments.push([prepared])
      shows = 0
    }
    shows += prepared.document.shows.length
  }
  return segments
}

const inChunks = async <T>(items: readonly T[], size: number, work: (chunk: T[]) => Promise<void>): Promise<void> => {
  for (let i = 0; i < items.length; i += size) await work(items.slice(i, i + size))
}

const byPhase = (a: Prepared, b: Prepared): number =>
  a.document.phase - b.document.phase || a.document.order - b.document.order

/** Documents sorted `byPhase`, split where the phase or the order changes: the groups are written one after the other. */
const writeGroups = (sorted: readonly Prepared[]): Prepared[][] => {
  const groups: Prepared[][] = []
  for (const prepared of sorted) {
    const group = groups.at(-1)
    const first = group?.[0]?.document
    if (group && first?.phase === prepared.document.phase && first.order === prepared.document.order)
      group.push(prepared)
    else groups.push([prepared])
  }
  return groups
}

export const publish = async (
  content: Content,
  storage: ArchiveStorage,
  options: PublishOptions,
): Promise<PublishSummary> => {
  const { db, bucket } = storage
  const log = options.log ?? (() => {})
  const batchSize = options.batchSize ?? 64
  const timer = phaseTimer()
  const lengths = new VariantLengths(bucket)
  const catalog = buildCatalog(content, {
    pictures: options.pictures && pictureTable(options.pictures, options.origin, lengths),
    icons: options.icons && iconURLs(options.origin),
  })
  timer.lap('catalog')
  const compressors = options.compressors ?? DEFAULT_COMPRESSORS
  const tagsOf = documentTagsOf(catalog)

  // What each article is, as a hash by slug: it stands for the article's text in every fingerprint.
  // Known hashes (the publish cache's) are looked up without awaiting: a promise per article cost
  // ~0.2 s at 100,000; only articles read this time are hashed.
  const computed = new Map<string, string>()
  await inChunks(
    content.articles.filter((article) => !options.knownHashes?.has(article.slug)),
    1000,
    async (chunk) => {
      const hashes = await Promise.all(chunk.map(articleHash))
      chunk.forEach((article, i) => {
        computed.set(article.slug, hashes[i] as string)
      })
    },
  )
  // The article's own hash (its index row's fingerprint), before pictures join it below.
  const articleFingerprint = (slug: string): string => (options.knownHashes?.get(slug) ?? computed.get(slug)) as string
  const articleHashes = new Map(options.knownHashes)
  for (const [slug, hash] of computed) articleHashes.set(slug, hash)
  // A picture's file can change under the same name: its fingerprint joins the article's hash.
  if (options.pictures) withPictureFingerprints(articleHashes, options.pictures)
  const context = await sha256Hex(JSON.stringify([options.codeVersion, options.origin, content.site]))

  timer.lap('article hashes')
  // What each scope's lists were when last published, against what they are now: unless the
  // code, origin or site changed (or --force), only the lists that differ and what they show
  // are planned, and only their index rows are read (touched.ts).
  const storedScopes = new Map((await readScopeRows(db)).map((row) => [row.scope, row]))
  // The hub is named by every subscription document: a new hub re-plans them all.
  const touched = findTouched(catalog, storedScopes, articleHashes, `${context}\u0000${options.hub ?? ''}`)
  // The site's row changes context with the code, origin or site: then every document may change.
  const siteBefore = storedScopes.get(scopeKey({}))
  const siteNow = touched.rows.find((row) => row.scope === scopeKey({}))
  const everything =
    options.force || options.planAll || !siteBefore || (siteNow !== undefined && siteNow.context !== siteBefore.context)
  timer.lap('scopes')
  const before = everything ? undefined : await readArticleRowsAtPositions(db, touched.positions)
  const planned: (PlannedDocument | PlannedFile)[] = [
    ...(await binaryDocuments(options.icons ?? [])),
    ...(everything
      ? planDocuments(catalog, options.origin, articleHashes, options.hub)
      : planTouched(catalog, options.origin, articleHashes, options.hub, touched)),
  ]
  // The pictures to make sure of: all of them, or (planning only what changed) those of the
  // articles the planned documents show — the others were stored when they were first shown.
  const pictureSource =
    options.pictures &&
    (everything ? options.pictures : picturesOf(options.pictures, new Set(planned.flatMap((d) => d.shows))))
  timer.lap('plan')
  const prepared: Prepared[] = []
  await inChunks(planned, 1000, async (chunk) => {
    const hashes = await Promise.all(chunk.map((document) => sha256Hex(`${context}\u0000${document.source}`)))
    chunk.forEach((document, i) => {
      prepared.push({ document, fingerprint: hashes[i] as string })
    })
  })

  timer.lap('fingerprints')
  const storedRows = before
    ? await readDocumentRowsAt(db, [
        ...planned.map((document) => document.path),
        ...touched.maybeGone,
        ...before.filter((row) => !catalog.bySlug.has(row.slug)).map((row) => articlePath(row.slug)),
        ...variantKeysOf(pictureSource),
      ])
    : await readDocumentRows(db)
  const stored = new Map(storedRows.map((row) => [row.path, row]))
  timer.lap('read documents index')
  // Before every document: none may name a picture not yet stored.
  const pictures =
    pictureSource && (await storePictures(storage, pictureSource, stored, lengths, { force: options.force, log }))
  timer.lap('pictures')
  const stale = prepared
    .filter(({ document, fingerprint }) => {
      const row = stored.get(document.path)
      return options.force || !row || row.status !== 200 || row.fingerprint !== fingerprint
    })
    .sort(byPhase)
  log(`${prepared.length} documents, ${stale.length} to render`)
  timer.lap('compare')
  // The bodies shown are loaded a segment of documents at a time (segments of at most
  // `segmentSize` bodies shown), the next segment's while this one is written, and given back
  // when it is written unless the next one shows them too: re-rendering every document (new
  // rendering code) holds two segments' bodies, not the archive's. A body shown again later
  // (an article page, then an archive page) is loaded again then.
  const segments = segmentsOf(stale, options.segmentSize ?? 4000)
  const shownBy = (segment: readonly Prepared[] | undefined): Set<string> =>
    new Set(segment?.flatMap(({ document }) => document.shows))
  const loadSegment = async (segment: readonly Prepared[]): Promise<void> => {
    const shown = [...shownBy(segment)]
    await options.loadBodies?.(shown)
    // The enclosures' exact byte lengths, for the items these documents show.
    await lengths.load(enclosureKeys(catalog, shown, options.origin))
  }
  const releaseSegment = (segment: readonly Prepared[], following: readonly Prepared[] | undefined): void => {
    const kept = shownBy(following)
    const done = [...shownBy(segment)].filter((slug) => !kept.has(slug))
    options.releaseBodies?.(done)
    for (const slug of done) catalog.bySlug.get(slug)?.forgetBody()
  }
  let loading = segments[0] ? loadSegment(segments[0]) : Promise.resolve()
  await loading
  timer.lap('load bodies')

  let written = 0
  let unchanged = 0
  const changedPaths: string[] = []
  const prepare = async ({ document, fingerprint }: Prepared): Promise<Ready> => {
    const { body, lastModified } = await document.render()
    const etag =
      typeof body === 'string'
        ? await entityTag(document.contentType, body)
        : await entityTagOfBytes(document.contentType, body)
    const row: DocumentRow = {
      path: document.path,
      status: 200,
      content_type: document.contentType,
      etag,
      last_modified: lastModified === undefined ? null : Math.floor(lastModified.getTime() / 1000) * 1000,
      fingerprint,
    }
    const before = stored.get(document.path)
    const same = before?.status === 200 && before.etag === etag && before.last_modified === row.last_modified
    if (same && !options.force) return { row }
    const deferred = deferredBucket()
    await writeStored(
      deferred.bucket,
      document.path,
      body,
      {
        status: 200,
        contentType: document.contentType,
        etag,
        browserETag: document.styled && typeof body === 'string' ? await entityTag(XML, body) : undefined,
        lastModified: lastModified?.toUTCString(),
        immutable: document.immutable,
        link: document.link,
        tags: tagsOf(document.path),
      },
      compressors,
    )
    return { row, writes: deferred.writes }
  }
  // One group of the same phase and order at a time (PHASES), each in batches written together:
  // an article page is stored before any list that links to it, and a newer archive page before
  // the older one that now links to it. Batches of mixed phases let a feed appear before its
  // articles' pages. Rendering and compressing need no order: they run up to a batch ahead of the
  // writes (measured at 100,000 articles, one more article: 2.3-2.6 s to 1.6-1.8 s for this
  // phase), each document's writes kept to be replayed in its turn.
  const writeSegment = async (segment: readonly Prepared[]): Promise<void> => {
    const ready = runAhead(segment, batchSize, prepare)
    let next = 0
    for (const group of writeGroups(segment))
      await inChunks(group, batchSize, async (chunk) => {
        const prepared = await Promise.all(chunk.map(() => ready(next++)))
        await Promise.all(
          prepared.map(async ({ row, writes }) => {
            if (!writes) {
              unchanged++
              return
            }
            for (const write of writes) await write(bucket)
            written++
            changedPaths.push(row.path)
          }),
        )
        await writeDocumentRows(
          db,
          prepared.map(({ row }) => row),
        )
      })
  }
  for (const [i, segment] of segments.entries()) {
    await loading
    const following = segments[i + 1]
    loading = following ? loadSegment(following) : Promise.resolve()
    // Awaited in its turn; a failure meanwhile must not be an unhandled rejection.
    loading.catch(() => {})
    await writeSegment(segment)
    releaseSegment(segment, following)
  }
  await loading

  timer.lap('render and write')
  // Removed last, once nothing published links to them: a tombstone answers 410 Gone.
  const published = new Set(prepared.map(({ document }) => document.path))
  // Picture variants are kept (pictures.ts): immutable, and cached pages and items may name them.
  const removed = [...stored.values()].filter(
    (row) => row.status === 200 && !published.has(row.path) && parsePath(row.path)?.kind !== 'media',
  )
  if (removed.length > 0) {
    const gone = await readStored(bucket, GONE_KEY)
    const goneBody = gone ? new TextDecoder().decode(gone.bytes) : 'Gone'
    const etag = await entityTag(MEDIA_TYPES.html, goneBody)
    await inChunks(removed, batchSize, async (chunk) => {
      await Promise.all(
        chunk.map((row) =>
          writeStored(
            bucket,
            row.path,
            goneBody,
            { status: 410, contentType: MEDIA_TYPES.html, etag, immutable: false },
            compressors,
          ),
        ),
      )
      await writeDocumentRows(
        db,
        chunk.map((row) => ({ ...row, status: 410, content_type: MEDIA_TYPES.html, etag, fingerprint: 'gone' })),
      )
      changedPaths.push(...chunk.map((row) => row.path))
    })
  }

  timer.lap('tombstones')
  const articles = await publishArticleIndex(
    db,
    content,
    catalog.entries,
    articleFingerprint,
    before && { rows: before, entries: touched.entries },
  )
  timer.lap('articles index')
  // Last: a run that stops before this plans the same lists again next time, and completes them.
  await writeScopeRows(db, touched.rows, touched.removedScopes)
  timer.lap('scopes index')
  if (options.profile) log(`phases: ${timer.report()}`)
  return {
    articles,
    documents: { written, unchanged, removed: removed.length },
    changedPaths,
    ...(pictures && { pictures }),
  }
}

/**
 * The `articles` index: one row per article with its archive position (1 = oldest); only changed
 * rows are written. `touched`: only these entries may have changed, and `rows` are the stored rows
 * of every position they or removed articles had (touched.ts); otherwise every row is read.
 */
const publishArticleIndex = async (
  db: D1Database,
  content: Content,
  newestFirst: readonly CatalogEntry[],
  fingerprintOf: (slug: string) => string,
  touched?: { readonly rows: readonly ArticleRow[]; readonly entries: readonly CatalogEntry[] },
): Promise<PublishSummary['articles']> => {
  // Touched: the positions and indexes of those entries only, found in one pass each (no map of
  // every article: at 100,000 these maps were most of this phase's time).
  const wanted = touched && new Set(touched.entries.map((entry) => entry.slug))
  const position = new Map<string, number>()
  newestFirst.forEach((entry, i) => {
    if (!wanted || wanted.has(entry.slug)) position.set(entry.slug, newestFirst.length - i)
  })
  const before = new Map((touched?.rows ?? (await readArticleRows(db))).map((row) => [row.id, row]))
  const indexes: number[] = []
  content.articles.forEach((article, i) => {
    if (!wanted || wanted.has(article.slug)) indexes.push(i)
  })
  const rows = indexes.map((i) => {
    const { slug } = content.articles[i] as Content['articles'][number]
    return { ...articleRow(content, i, fingerprintOf(slug)), position: position.get(slug) as number }
  })
  const changed = rows.filter((row) => {
    const old = before.get(row.id)
    return !old || ARTICLE_COLUMNS.some((column) => old[column] !== row[column])
  })
  // Stored ids no article has any more: with `touched`, only the few stored rows read are candidates.
  const present = new Set<string>()
  if (touched) {
    for (const article of content.articles) if (before.has(article.id)) present.add(article.id)
  } else for (const row of rows) present.add(row.id)
  const removed = [...before.keys()].filter((id) => !present.has(id))
  await writeArticleRows(db, changed, removed)
  const added = changed.filter((row) => !before.has(row.id)).length
  return { added, changed: changed.length - added, removed: removed.length }
}

/** The documents of the lists a change touched, the pages of the articles they show, and the sitemap if anything changed. */
const planTouched = (
  catalog: Catalog,
  origin: string,
  articleHashes: ReadonlyMap<string, string>,
  hub: string | undefined,
  touched: Touched,
): PlannedDocument[] => {
  const context = pageContext(catalog, origin)
  return [
    ...touched.entries.map((entry) => articleDocument(context, entry, articleHashes)),
    ...touched.lists.flatMap((ref) => [...listDocuments(catalog, context, ref, articleHashes, hub)]),
    ...(touched.changed
      ? [...sitemapDocuments(catalog, origin, touched.digestOf), newsSitemapDocument(catalog, origin)]
      : []),
  ]
}

/** The pictures of the articles in `slugs` only (what the documents a publish plans show). */
const picturesOf = (source: PictureSource, slugs: ReadonlySet<string>): PictureSource => ({
  ...source,
  uses: new Map([...source.uses].filter(([slug]) => slugs.has(slug))),
})

/** The storage keys of every variant of the pictures `source` uses: their index rows are read with the documents'. */
const variantKeysOf = (source: PictureSource | undefined): string[] =>
  source === undefined
    ? []
    : [...new Set([...source.uses.values()].flat())].flatMap(
        (src) => source.plans.get(src)?.variants.map((variant) => variant.key) ?? [],
      )
