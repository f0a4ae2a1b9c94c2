/**
 * @module
 * Translation groups: articles joined by `translationOf` (content/translations.ts checked that each
 * names another article in another language). A group is every article reachable through those
 * links, so an original with two translations gives each of the three the other two: Google asks
 * that every language version list all the others ("Tell Google about localized versions of your
 * page": hreflang annotations must be reciprocal).
 */

/** What grouping needs of an entry (catalog.ts's CatalogEntry has it; this module names no catalog type). */
export type Translatable = { readonly contentId: string; readonly language: string; readonly translationOf?: string }

const byLanguageThenId = (a: Translatable, b: Translatable): number =>
  a.language < b.language ? -1 : a.language > b.language ? 1 : a.contentId < b.contentId ? -1 : 1

/** Each entry's group (itself included, in language order), for the entries that have one. */
export const translationGroups = <Entry extends Translatable>(
  entries: readonly Entry[],
): Map<Entry, readonly Entry[]> => {
  const byId = new Map(entries.map((entry) => [entry.contentId, entry]))
  // Union-find over content ids: a translation of a translation joins the same group.
  const parent = new Map<string, string>()
  const root = (id: string): string => {
    let node = id
    while (parent.has(node) && parent.get(node) !== node) node = parent.get(node) as string
    return node
  }
  for (const entry of entries) {
    if (entry.translationOf === undefined || !byId.has(entry.translationOf)) continue
    const [a, b] = [root(entry.contentId), root(entry.translationOf)]
    if (a !== b) parent.set(a, b)
  }
  const members = new Map<string, Entry[]>()
  if (parent.size === 0) return new Map()
  for (const entry of entries) {
    const key = root(entry.contentId)
    const group = members.get(key)
    if (group) group.push(entry)
    else members.set(key, [entry])
  }
  const groups = new Map<Entry, readonly Entry[]>()
  for (const group of members.values()) {
    if (group.length < 2) continue
    const sorted = group.sort(byLanguageThenId)
    for (const entry of sorted) groups.set(entry, sorted)
  }
  return groups
}
