/**
 * @module
 * The stylesheet RSS and Atom documents name with `<?xml-stylesheet type="text/css"?>`, so that
 * a person who opens a feed in a browser sees what it is and its articles, not raw XML. CSS,
 * not XSLT: browsers are removing XSLT (Chromium shows a warning banner), while CSS on XML
 * works everywhere and leaves the bytes a plain feed for readers and validators.
 */

export const FEED_STYLES = `@namespace atom url(http://www.w3.org/2005/Atom);
:root { display: block; max-width: 42rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; font: 1.125rem/1.6 Georgia, "Times New Roman", serif; color: #1b1b1b; background: #fdfdfb; }
@media (prefers-color-scheme: dark) { :root { color: #e8e6e3; background: #141414; } }
* { display: none; }
channel, item, atom|entry { display: flex; flex-direction: column; }
channel::before, :root > atom|title::before {
  content: "This is a news feed. To follow it, copy this page's address from the address bar into your feed reader (Feedly, NetNewsWire, Miniflux, newsboat…).";
  display: block; order: -2; margin: 1rem 0; padding: 0.75rem 1rem; border: 2px solid #0b57d0; border-radius: 0.5rem;
  font: 1rem/1.5 system-ui, sans-serif;
}
channel > title, :root > atom|title { display: block; order: -1; font-size: 2rem; font-weight: 700; line-height: 1.2; margin: 1rem 0 0.25rem; }
channel > description, :root > atom|subtitle { display: block; margin-bottom: 1rem; opacity: 0.8; }
item, atom|entry { padding: 1rem 0; border-top: 1px solid #8884; }
item > title, atom|entry > atom|title { display: block; order: 1; font-size: 1.25rem; font-weight: 700; line-height: 1.3; }
item > pubDate, atom|entry > atom|published { display: block; order: 2; font: 0.9rem system-ui, sans-serif; opacity: 0.75; }
item > description, atom|entry > atom|summary { display: block; order: 3; margin-top: 0.25rem; }
item > link { display: block; order: 4; font: 0.85rem system-ui, sans-serif; color: #0b57d0; overflow-wrap: anywhere; }
atom|entry > atom|link { display: block; order: 4; }
atom|entry > atom|link::after { content: attr(href); font: 0.85rem system-ui, sans-serif; color: #0b57d0; overflow-wrap: anywhere; }
`
