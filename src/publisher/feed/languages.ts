/**
 * @module
 * Language scopes: the articles of each language other than the site's get their own home, tag
 * pages and feeds under a path prefix (src/archive/paths.ts). The site's unprefixed documents keep
 * every article, in every language, as they always have: a subscriber of /feed.xml who got every
 * article keeps getting them (README, "Publishing in two languages").
 */
import { languagePrefix } from '../../archive/paths.ts'
import { type Catalog, type CatalogEntry, catalogOf } from './catalog.ts'

const scopes = new WeakMap<Catalog, ReadonlyMap<string, Catalog>>()

/** Catalogs of the languages with articles other than the site's, by path prefix, in prefix order. */
export const languageCatalogs = (catalog: Catalog): ReadonlyMap<string, Catalog> => {
  const known = scopes.get(catalog)
  if (known) return known
  const site = languagePrefix(catalog.site.language)
  const byLanguage = new Map<string, CatalogEntry[]>()
  for (const entry of catalog.entries) {
    const prefix = entry.languagePrefix
    if (prefix === site) continue
    const entries = byLanguage.get(prefix)
    if (entries) entries.push(entry)
    else byLanguage.set(prefix, [entry])
  }
  const languages = new Map(
    [...byLanguage.keys()]
      .sort()
      .map(
        (prefix) =>
          [
            prefix,
            catalogOf(catalog.site, byLanguage.get(prefix) as CatalogEntry[], () => catalog.versions, catalog.icons),
          ] as const,
      ),
  )
  scopes.set(catalog, languages)
  return languages
}

/** The catalog of a scope: the whole site's (no language), or one language's; undefined when it has no articles. */
export const scopeCatalog = (catalog: Catalog, language: string | undefined): Catalog | undefined =>
  language === undefined ? catalog : languageCatalogs(catalog).get(language)
