/** @module The one rule for an article's content hash, which stands for its text in every fingerprint. */
import type { Article } from '../../../content/load.ts'
import { sha256Hex } from '../../archive/entity-tag.ts'

/** SHA-256 hex of everything the article holds (the publish cache keeps it for unchanged files). */
export const articleHash = (article: Article): Promise<string> => sha256Hex(JSON.stringify(article))
