/** @module The pages' stylesheet: readable on phones and desktops, light and dark. */

export const STYLES = `:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fdfdfb; --muted: #5c5c5c; --link: #0b57d0; --rule: #ddd; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8e6e3; --bg: #141414; --muted: #a8a8a8; --link: #8ab4f8; --rule: #333; } }
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
/* The source prints straight quotation marks; show <q> the same way. */
q { quotes: '"' '"' "'" "'"; }
`
