/**
 * @module
 * The compressors `npm run publish` passes to the platform-neutral publisher (src/archive/encodings.ts):
 * Node's zlib, on libuv's thread pool, so both cores compress while the main thread renders.
 *
 * - **Brotli quality 9, not 11**: measured on a 282 KB feed-like document, quality 9 took 19 ms and
 *   quality 11 729 ms for a body 3% larger at most — quality 11 made a 10,000-article backfill take
 *   2,958 s instead of 68 s.
 * - **Brotli's window fitted to the document** (RFC 7932 §9.1: WBITS 10–24; zlib's default is 22, a
 *   4 MiB window): an encoder allocates tables for the window it is given, and most documents are
 *   article pages of ~10 KB. Measured here on a 10 KB page: 4.3 ms with the default window, 0.8 ms
 *   with a 16-bit one, for the same size; a 400 KB feed takes the same time either way.
 * - **gzip from zlib, not `CompressionStream`**: the same deflate at the default level, without a
 *   Web stream around it (10 KB: 0.13 ms synchronously against 1.0 ms through the stream).
 */
import { brotliCompress, constants, gzip as zlibGzip } from 'node:zlib'
import type { Compressor, Compressors } from '../../archive/encodings.ts'

/** Smallest window that holds the whole document (16 bits at least: tiny documents gain nothing below). */
const windowBits = (length: number): number => Math.min(24, Math.max(16, Math.ceil(Math.log2(length + 1))))

/** Brotli quality 9 (RFC 7932): text mode, size hint, a window fitted to the document. */
export const brotli: Compressor = (bytes) =>
  new Promise((resolve, reject) => {
    brotliCompress(
      bytes,
      {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 9,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
          [constants.BROTLI_PARAM_LGWIN]: windowBits(bytes.byteLength),
        },
      },
      (error, result) => (error ? reject(error) : resolve(new Uint8Array(result))),
    )
  })

/** gzip (RFC 1952) at zlib's default level: what `CompressionStream('gzip')` makes, without the stream. */
export const gzip: Compressor = (bytes) =>
  new Promise((resolve, reject) => {
    zlibGzip(bytes, (error, result) => (error ? reject(error) : resolve(new Uint8Array(result))))
  })

/** Every coding the Worker serves (encodings.ts ENCODINGS). */
export const NODE_COMPRESSORS: Compressors = { br: brotli, gzip }
