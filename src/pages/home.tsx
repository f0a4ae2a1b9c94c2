/** @module The home page: every article, newest first. */
import type { FeedModel } from '../feed/model.ts'
import { formatDisplayDate, machineDate } from './format.ts'
import { Layout } from './layout.tsx'

export const HomePage = ({ model }: { model: FeedModel }) => (
  <Layout model={model} title={model.title} description={model.description} canonical={model.homeURL}>
    <h1>{model.title}</h1>
    <p class="lead">{model.description}</p>
    <ol class="articles">
      {model.items.map((item) => (
        <li>
          <article>
            <h2>
              <a href={item.url}>{item.title}</a>
            </h2>
            <p class="meta">
              <time datetime={machineDate(item.published)}>{formatDisplayDate(item.published)}</time> · {item.dateline}{' '}
              · {item.authors.map((a) => a.name).join(', ')}
            </p>
            <p>{item.summary}</p>
          </article>
        </li>
      ))}
    </ol>
  </Layout>
)
