/** @module Tag slugs for URLs, derived from tag names the same way everywhere. */

/**
 * `"Côte d'Ivoire"` → `"côte-d-ivoire"`. Unicode-aware: letters and digits of any script are
 * kept (after NFKC and lower-casing), every other run becomes one hyphen.
 */
export const tagSlug = (name: string): string =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
