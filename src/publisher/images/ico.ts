/**
 * @module
 * An ICO container holding PNG images, written by hand: the format is a 6-byte ICONDIR header
 * and a 16-byte ICONDIRENTRY per image, little-endian, then the images (Microsoft, "Icons",
 * learn.microsoft.com/en-us/previous-versions/ms997538(v=msdn.10); PNG entries are read by
 * Windows since Vista and by every browser that fetches /favicon.ico).
 */

/** One image of the icon: a PNG of `size` × `size` pixels (1 to 256), 32 bits per pixel. */
export type ICOImage = { readonly size: number; readonly png: Uint8Array }

const HEADER_BYTES = 6
const ENTRY_BYTES = 16

/** The bytes of an `.ico` file holding `images`, in the order given. */
export const encodeICO = (images: readonly ICOImage[]): Uint8Array => {
  const dataStart = HEADER_BYTES + ENTRY_BYTES * images.length
  const total = dataStart + images.reduce((sum, image) => sum + image.png.length, 0)
  const bytes = new Uint8Array(total)
  const view = new DataView(bytes.buffer)
  view.setUint16(0, 0, true) // reserved
  view.setUint16(2, 1, true) // type 1: icon (2 is cursor)
  view.setUint16(4, images.length, true)
  let offset = dataStart
  images.forEach((image, i) => {
    if (!Number.isInteger(image.size) || image.size < 1 || image.size > 256)
      throw new RangeError(`An ICO image is 1 to 256 px, not ${image.size}.`)
    const entry = HEADER_BYTES + ENTRY_BYTES * i
    // Width and height are one byte each; 0 means 256.
    view.setUint8(entry, image.size % 256)
    view.setUint8(entry + 1, image.size % 256)
    view.setUint8(entry + 2, 0) // colours in the palette: none
    view.setUint8(entry + 3, 0) // reserved
    view.setUint16(entry + 4, 1, true) // colour planes
    view.setUint16(entry + 6, 32, true) // bits per pixel
    view.setUint32(entry + 8, image.png.length, true)
    view.setUint32(entry + 12, offset, true)
    bytes.set(image.png, offset)
    offset += image.png.length
  })
  return bytes
}
