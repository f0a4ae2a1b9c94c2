/** @module The 404 page. */
import type { FeedModel } from '../feed/model.ts'
import { Layout } from './layout.tsx'

export const NotFoundPage = ({ model }: { model: FeedModel }) => (
  <Layout
    model={model}
    title={`Not found · ${model.title}`}
    description="This page does not exist."
    canonical={model.homeURL}
  >
    <h1>Page not found</h1>
    <p>
      There is nothing at this address. The <a href={model.homeURL}>home page</a> lists every article.
    </p>
  </Layout>
)
