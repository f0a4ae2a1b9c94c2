/**
 * @module
 * Translations: `translationOf` names the id of the article this one translates. A translation
 * links to an article that exists, is not itself, and is in another language; otherwise the
 * hreflang alternates would point nowhere, or say one page is its own translation (Google,
 * "Tell Google about localized versions of your page": each language version once).
 */
import type { ArticleInput } from './schema.ts'

export type TranslationProblem = { readonly index: number; readonly message: string; readonly fix: string }

/** The primary language subtag, lower-case: `en-GB` and `en` are one language for translations. */
const primaryLanguage = (language: string): string => (language.split('-')[0] ?? language).toLowerCase()

/** Problems with every article's `translationOf`, by index in `articles`; `siteLanguage` is the default. */
export const findTranslationProblems = (
  articles: readonly ArticleInput[],
  siteLanguage: string,
): TranslationProblem[] => {
  const problems = findPairProblems(articles, siteLanguage)
  return problems.length > 0 ? problems : findGroupProblems(articles, siteLanguage)
}

const findPairProblems = (articles: readonly ArticleInput[], siteLanguage: string): TranslationProblem[] => {
  const byId = new Map<unknown, ArticleInput>(articles.map((article) => [article?.id, article]))
  const languageOf = (article: ArticleInput): string =>
    primaryLanguage(typeof article.language === 'string' ? article.language : String(siteLanguage))
  const problems: TranslationProblem[] = []
  articles.forEach((article, index) => {
    const target: unknown = article?.translationOf
    if (target === undefined) return
    if (typeof target !== 'string') {
      problems.push({
        index,
        message: 'must be the id of an article (a string).',
        fix: "write e.g. translationOf: 'a-1'.",
      })
      return
    }
    if (target === article.id) {
      problems.push({
        index,
        message: `"${target}" is this article's own id.`,
        fix: 'name the id of the article this one translates, or remove translationOf.',
      })
      return
    }
    const original = byId.get(target)
    if (!original) {
      problems.push({
        index,
        message: `no article has the id "${target}".`,
        fix: 'use the id of the original article (its `id` field), or remove translationOf.',
      })
      return
    }
    if (languageOf(original) === languageOf(article))
      problems.push({
        index,
        message: `"${target}" is in the same language (${languageOf(article)}).`,
        fix: 'set `language` on the translation, e.g. language: "ru", or remove translationOf.',
      })
  })
  return problems
}

/**
 * A group (every article joined by translationOf, as src/publisher/feed/translations.ts links them)
 * holds each language once: two Russian versions of one story would give its pages two
 * `hreflang="ru"` alternates, and Google would pick neither.
 */
const findGroupProblems = (articles: readonly ArticleInput[], siteLanguage: string): TranslationProblem[] => {
  const parent = new Map<string, string>()
  const root = (id: string): string => {
    let node = id
    while (parent.has(node)) node = parent.get(node) as string
    return node
  }
  for (const article of articles) {
    if (typeof article.translationOf !== 'string') continue
    const [a, b] = [root(article.id), root(article.translationOf)]
    if (a !== b) parent.set(a, b)
  }
  if (parent.size === 0) return []
  const grouped = new Set(
    articles.flatMap((article) => (typeof article.translationOf === 'string' ? [root(article.id)] : [])),
  )
  const seen = new Map<string, ArticleInput>()
  const problems: TranslationProblem[] = []
  articles.forEach((article, index) => {
    const language = primaryLanguage(typeof article.language === 'string' ? article.language : siteLanguage)
    const key = `${root(article.id)}\u0000${language}`
    const other = seen.get(key)
    if (other && grouped.has(root(article.id)))
      problems.push({
        index: article.translationOf === undefined ? articles.indexOf(other) : index,
        message: `"${article.id}" and "${other.id}" are both ${language} versions of one story.`,
        fix: 'link each language once: point translationOf of one of them elsewhere, or remove it.',
      })
    else seen.set(key, article)
  })
  return problems
}
