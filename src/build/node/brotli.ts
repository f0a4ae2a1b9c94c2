/**
 * @module
 * Brotli at its best quality, from Node's zlib, for the variants a publish stores
 * (src/archive/encodings.ts). Compressing once at publish time pays for quality 11 (slow, ~20%
 * smaller than quality 4); the publisher code itself is platform-neutral, so it is passed in.
 */
import { brotliCompress, constants } from 'node:zlib'
import type { Compressor } from '../../archive/encodings.ts'

export const brotliMax: Compressor = (bytes) =>
  new Promise((resolve, reject) => {
    brotliCompress(
      bytes,
      {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
        },
      },
      (error, result) => (error ? reject(error) : resolve(new Uint8Array(result))),
    )
  })
