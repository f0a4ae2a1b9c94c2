/**
 * @module
 * The site icon in every form readers and browsers ask for, from one source (content/icon.png):
 * `/favicon.ico` (16, 32 and 48 px, what readers fetch when a feed names no icon), PNG icons for
 * `<link rel=icon>` and the feeds (32, 192, 512), `/apple-touch-icon.png` (180 px, opaque: iOS
 * fills transparency with black, and NetNewsWire takes the largest apple-touch-icon), and a web
 * app manifest (W3C Web Application Manifest, served as `application/manifest+json`).
 */
import sharp from 'sharp'
import { ICON_PATHS } from '../../archive/paths.ts'
import { DECODE_OPTIONS } from './check.ts'
import { encodeICO } from './ico.ts'

/** Where the source icon lives, from the project root: a square PNG, 512 px or larger. */
export const ICON_SOURCE = 'content/icon.png'

/** A document to store and serve at `path`. */
export type IconDocument = { readonly path: string; readonly contentType: string; readonly bytes: Uint8Array }

/** The paths, for pages and feeds to name (`<link rel=icon>`, Atom `icon`, JSON Feed `favicon`…): src/archive/paths.ts. */
export { ICON_PATHS }

const FAVICON_SIZES = [16, 32, 48] as const

export type SiteIconOptions = {
  /** The site's name (the manifest's `name` and `short_name`). */
  readonly name: string
  /** BCP 47 tag of the name. */
  readonly language: string
  /** Fills the apple-touch-icon's transparent pixels, and is the manifest's background colour. */
  readonly background: string
}

const bytesOf = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length)

const squarePNG = async (source: Uint8Array, size: number, background?: string): Promise<Uint8Array> => {
  const image = sharp(source, DECODE_OPTIONS).resize(size, size, { fit: 'contain', background: '#0000' })
  return bytesOf(await (background ? image.flatten({ background }) : image).png({ compressionLevel: 9 }).toBuffer())
}

/** Every icon document, from the bytes of the source icon. */
export const renderSiteIcons = async (source: Uint8Array, options: SiteIconOptions): Promise<IconDocument[]> => {
  const { width, height } = await sharp(source, DECODE_OPTIONS).metadata()
  if (width !== height || width < 512)
    throw new Error(`${ICON_SOURCE} is ${width} × ${height} px; the icon must be square and at least 512 px.`)
  const png = (path: string, bytes: Uint8Array): IconDocument => ({ path, contentType: 'image/png', bytes })
  const favicon = encodeICO(
    await Promise.all(FAVICON_SIZES.map(async (size) => ({ size, png: await squarePNG(source, size) }))),
  )
  const manifest = {
    name: options.name,
    short_name: options.name,
    lang: options.language,
    start_url: '/',
    display: 'browser',
    background_color: options.background,
    icons: [192, 512].map((size) => ({
      src: ICON_PATHS[size === 192 ? 'png192' : 'png512'],
      sizes: `${size}x${size}`,
      type: 'image/png',
    })),
  }
  return [
    { path: ICON_PATHS.favicon, contentType: 'image/x-icon', bytes: favicon },
    png(ICON_PATHS.png32, await squarePNG(source, 32)),
    // JSON Feed 1.1 `favicon`: "not smaller than 64 x 64"; also RSS <image> and Atom <icon>.
    png(ICON_PATHS.png64, await squarePNG(source, 64)),
    png(ICON_PATHS.png192, await squarePNG(source, 192)),
    png(ICON_PATHS.png512, await squarePNG(source, 512)),
    png(ICON_PATHS.appleTouch, await squarePNG(source, 180, options.background)),
    {
      path: ICON_PATHS.manifest,
      contentType: 'application/manifest+json',
      bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    },
  ]
}
