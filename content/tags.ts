/** @module Tag slugs for URLs, derived from tag names the same way everywhere. */

const slugs = new Map<string, string>()

/**
 * `"Côte d'Ivoire"` → `"côte-d-ivoire"`. Unicode-aware: letters and digits of any script are
 * kept (after NFKC and lower-casing), every other run becomes one hyphen.
 */
export const tagSlug = (name: string): string => {
  let slug = slugs.get(name)
  if (slug === undefined) {
    slug = name
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
    // A newsroom has few distinct tags and uses each often: derive each once.
    if (slugs.size < 100_000) slugs.set(name, slug)
  }
  return slug
}
