/**
 * @module
 * How to follow a page: its three feed addresses, what each is for, and a copy button. The
 * addresses are plain links and selectable text; /copy.js only adds the button's behaviour.
 */
import type { FormatURLs } from '../feed/model.ts'

const FEEDS = [
  { key: 'rss', name: 'RSS', use: 'for any feed reader (Feedly, NetNewsWire, Miniflux, newsboat…)' },
  { key: 'atom', name: 'Atom', use: 'the same articles in Atom, if your reader prefers it' },
  { key: 'json', name: 'JSON Feed', use: 'for programs and readers that speak JSON Feed 1.1' },
] as const

export const Subscribe = ({ feeds, title }: { feeds: FormatURLs; title: string }) => (
  <aside class="subscribe" aria-labelledby="subscribe-heading">
    <h2 id="subscribe-heading">Follow {title}</h2>
    <p>Paste one of these addresses into your feed reader to get every new article in full.</p>
    <dl>
      {FEEDS.map(({ key, name, use }) => (
        <div class="feed">
          <dt>
            <a href={feeds[key]}>{name}</a> <span class="use">{use}</span>
          </dt>
          <dd>
            <code class="feed-url">{feeds[key]}</code>{' '}
            <button type="button" class="copy" data-copy={feeds[key]} hidden>
              Copy
            </button>
          </dd>
        </div>
      ))}
    </dl>
  </aside>
)

/** Shows the copy buttons and copies on click; without JavaScript the addresses stay selectable. */
export const COPY_SCRIPT = `for (const button of document.querySelectorAll('button[data-copy]')) {
  button.hidden = false
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.copy)
      button.textContent = 'Copied'
    } catch {
      button.textContent = 'Select the address to copy it'
    }
    setTimeout(() => { button.textContent = 'Copy' }, 2000)
  })
}
`
