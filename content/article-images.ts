/** @module The pictures of an article, each with the field that names it, in reading order. */
import type { ArticleInput, Block, Figure, ImageInput } from './schema.ts'

export type ArticleImage = {
  /** Where the picture is named: `image` or `body[<index>].figure`. */
  readonly field: string
  readonly image: ImageInput
  /** True for the lead picture (`image`), which is also the feeds' thumbnail. */
  readonly lead: boolean
}

const isFigure = (block: Block): block is Figure => !Array.isArray(block)

/** The lead picture, then every figure of the body. */
export const articleImages = (article: ArticleInput): ArticleImage[] => {
  const images: ArticleImage[] = []
  if (article.image !== undefined) images.push({ field: 'image', image: article.image, lead: true })
  article.body.forEach((block, index) => {
    if (isFigure(block)) images.push({ field: `body[${index}].figure`, image: block.figure, lead: false })
  })
  return images
}
