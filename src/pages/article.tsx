/** @module An article's own page: the link of its feed items, so it shows the whole text. */
import { raw } from 'hono/html'
import type { FeedItem, FeedModel } from '../feed/model.ts'
import { formatDisplayDate, machineDate } from './format.ts'
import { Layout } from './layout.tsx'

export const ArticlePage = ({ model, item }: { model: FeedModel; item: FeedItem }) => (
  <Layout model={model} title={`${item.title} · ${model.title}`} description={item.summary} canonical={item.url}>
    <article lang={item.language}>
      <header>
        <h1>{item.title}</h1>
        <p class="standfirst">{item.summary}</p>
        <p class="meta">
          <time datetime={machineDate(item.published)}>{formatDisplayDate(item.published)}</time> · {item.dateline} ·
          Source: {item.authors.map((a) => a.name).join(', ')}
          {item.updated.getTime() !== item.published.getTime() && (
            <>
              {' '}
              · Updated <time datetime={machineDate(item.updated)}>{formatDisplayDate(item.updated)}</time>
            </>
          )}
        </p>
      </header>
      {/* bodyHTML is built by src/feed/body.ts from typed content with every text escaped. */}
      <div class="body">{raw(item.bodyHTML)}</div>
      {item.tags.length > 0 && (
        <footer>
          <p class="tags">Tags: {item.tags.join(', ')}</p>
        </footer>
      )}
    </article>
  </Layout>
)
