/** @module The pages' stylesheet: readable on phones and desktops, light and dark. */

export const STYLES = `:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fdfdfb; --muted: #5c5c5c; --link: #0b57d0; --rule: #ddd; --box: #f1f0ea; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8e6e3; --bg: #141414; --muted: #a8a8a8; --link: #8ab4f8; --rule: #333; --box: #1f1f1f; } }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 42rem; padding: 1rem 1.25rem 3rem; font: 1.125rem/1.6 Georgia, "Times New Roman", serif; color: var(--fg); background: var(--bg); }
a { color: var(--link); }
header.site, footer.site { font-family: system-ui, sans-serif; font-size: 0.95rem; }
header.site { padding-bottom: 0.5rem; border-bottom: 1px solid var(--rule); }
.site-name { font-weight: 700; text-decoration: none; }
footer.site { margin-top: 3rem; padding-top: 0.5rem; border-top: 1px solid var(--rule); color: var(--muted); }
h1 { font-size: clamp(1.6rem, 5vw, 2.2rem); line-height: 1.2; margin: 1.5rem 0 0.75rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 0 0 0.25rem; }
.standfirst, .lead { font-size: 1.2rem; color: var(--muted); }
.meta { font-family: system-ui, sans-serif; font-size: 0.9rem; color: var(--muted); }
.articles { list-style: none; padding: 0; }
.articles li { padding: 1rem 0; border-bottom: 1px solid var(--rule); }
nav.pages { display: flex; justify-content: space-between; gap: 1rem; margin-top: 1.5rem; font-family: system-ui, sans-serif; }
.tags { font-family: system-ui, sans-serif; font-size: 0.95rem; }
.subscribe { margin-top: 2.5rem; padding: 1rem 1.25rem; border-radius: 0.5rem; background: var(--box); font: 0.95rem/1.5 system-ui, sans-serif; }
.subscribe h2 { font-size: 1.1rem; margin: 0 0 0.25rem; }
.subscribe p { margin: 0 0 0.5rem; }
.subscribe dl { margin: 0; }
.subscribe .feed { margin: 0.75rem 0 0; }
.subscribe .use { color: var(--muted); }
.subscribe dd { margin: 0.25rem 0 0; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
.feed-url { font-size: 0.85rem; overflow-wrap: anywhere; padding: 0.1rem 0.35rem; border: 1px solid var(--rule); border-radius: 0.25rem; background: var(--bg); user-select: all; }
.subscribe button { font: inherit; font-size: 0.85rem; padding: 0.15rem 0.7rem; color: var(--link); background: transparent; border: 1px solid currentColor; border-radius: 0.25rem; cursor: pointer; }
/* Pictures: width/height attributes give the box its ratio before the file arrives (no layout shift). */
img { max-width: 100%; height: auto; }
figure.picture { margin: 1.5rem 0; }
figure.picture img { display: block; width: 100%; }
figure.picture figcaption { margin-top: 0.4rem; font: 0.9rem/1.4 system-ui, sans-serif; color: var(--muted); }
.credit { font-size: inherit; }
/* The source prints straight quotation marks; show <q> the same way. */
q { quotes: '"' '"' "'" "'"; }
`

/** The site icon as SVG (/favicon.svg); /favicon.ico and the PNG icons are made from content/icon.png (images/icons.ts). */
export const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1b1b1b"/><text x="16" y="23" font-family="Georgia,serif" font-size="20" font-weight="700" fill="#fdfdfb" text-anchor="middle">N</text></svg>
`
