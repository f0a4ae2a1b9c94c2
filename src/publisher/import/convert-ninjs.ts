/**
 * @module
 * One ninjs file's text to our article, as a pure function: JSON, then IPTC's schema, then the
 * mapping. Every problem carries the JSON Pointer of the value and the fix.
 */
import { readStory } from './read-story.ts'
import { articleFromStory, type TextArticle } from './to-article.ts'
import { type InputProblem, validateNinjs } from './validate-ninjs.ts'

export type Conversion = {
  readonly article?: TextArticle
  /** The agency's `uri` of the story, when it converted. */
  readonly uri?: string
  readonly problems: readonly InputProblem[]
}

/** `siteLanguage` is used to read the dateline lead when the document names no language. */
export const convertNinjs = (text: string, siteLanguage: string): Conversion => {
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    return {
      problems: [
        {
          path: '',
          message: `is not JSON (${(error as Error).message}).`,
          fix: 'export the story from the agency feed as ninjs JSON (RFC 8259), one object per file.',
        },
      ],
    }
  }
  const { generation, problems } = validateNinjs(document)
  if (problems.length > 0) return { problems }
  const story = readStory(document as Record<string, unknown>, generation)
  return { ...articleFromStory(story, siteLanguage), uri: story.uri.value }
}
