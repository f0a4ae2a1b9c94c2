/**
 * @module
 * A picture on a page: `<figure>` with `<picture>` offering AVIF, then WebP, then the JPEG every
 * browser decodes (HTML §4.8.1: the first `<source>` whose type the browser supports wins), each
 * with every width in `srcset` and the column's width in `sizes`, so the browser fetches one
 * file of the width it needs. `width`/`height` give the box its aspect ratio before any byte
 * arrives (no layout shift; styles.ts `height: auto`). Alt, caption and credit are plain text:
 * hono/jsx escapes them.
 */
import { enclosureOf, type Picture, type PictureFormat, srcsetOf, variantsOf } from '../feed/picture.ts'

/**
 * The text column (styles.ts): 42rem at most, less 1.25rem padding each side; the viewport less
 * the padding below that.
 */
export const PICTURE_SIZES = '(min-width: 42rem) 39.5rem, calc(100vw - 2.5rem)'

const SOURCES: readonly { readonly format: PictureFormat; readonly type: string }[] = [
  { format: 'avif', type: 'image/avif' },
  { format: 'webp', type: 'image/webp' },
]

export type FigureProps = {
  readonly picture: Picture
  /**
   * The lead, at the top of the page: fetched first (`fetchpriority="high"`, the Largest
   * Contentful Paint). Figures further down load lazily, when the reader scrolls near them.
   */
  readonly lead?: boolean
}

export const Figure = ({ picture, lead = false }: FigureProps) => {
  const fallback = enclosureOf(picture)
  return (
    <figure class={lead ? 'picture lead-picture' : 'picture'}>
      <picture>
        {SOURCES.map(({ format, type }) => (
          <source type={type} srcset={srcsetOf(variantsOf(picture, format))} sizes={PICTURE_SIZES} />
        ))}
        <img
          src={fallback.url}
          srcset={srcsetOf(variantsOf(picture, 'jpeg'))}
          sizes={PICTURE_SIZES}
          width={fallback.width}
          height={fallback.height}
          alt={picture.alt}
          decoding="async"
          {...(lead ? { fetchpriority: 'high' } : { loading: 'lazy' })}
        />
      </picture>
      <figcaption>
        {picture.caption !== undefined && <>{picture.caption} </>}
        <small class="credit">{picture.credit}</small>
      </figcaption>
    </figure>
  )
}
