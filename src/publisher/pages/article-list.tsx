/** @module A list of articles with their date, dateline and source: home, tag and archive pages. */
import type { FeedItem } from '../feed/model.ts'
import { textDirection } from './direction.ts'
import { formatDisplayDate, machineDate } from './format.ts'

/** `language`: the page's; an article in another one has its title and summary marked with theirs. */
export const ArticleList = ({ items, language }: { items: readonly FeedItem[]; language: string }) => (
  <ol class="articles">
    {items.map((item) => (
      <li>
        <article>
          <h2 {...textDirection(item.language, language)}>
            <a href={item.url}>{item.title}</a>
          </h2>
          <p class="meta">
            <time datetime={machineDate(item.published)}>{formatDisplayDate(item.published)}</time> · {item.dateline} ·{' '}
            {item.authors.map((a) => a.name).join(', ')}
          </p>
          <p {...textDirection(item.language, language)}>{item.summary}</p>
        </article>
      </li>
    ))}
  </ol>
)
