/** @module A list of articles with their date, dateline and source: home, tag and archive pages. */
import type { FeedItem } from '../feed/model.ts'
import { formatDisplayDate, machineDate } from './format.ts'

export const ArticleList = ({ items }: { items: readonly FeedItem[] }) => (
  <ol class="articles">
    {items.map((item) => (
      <li>
        <article>
          <h2>
            <a href={item.url}>{item.title}</a>
          </h2>
          <p class="meta">
            <time datetime={machineDate(item.published)}>{formatDisplayDate(item.published)}</time> · {item.dateline} ·{' '}
            {item.authors.map((a) => a.name).join(', ')}
          </p>
          <p>{item.summary}</p>
        </article>
      </li>
    ))}
  </ol>
)
