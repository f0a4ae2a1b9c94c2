/** Before each test file: the seed article published into the file's own storage. */
import { beforeAll } from 'vitest'
import { publishContent, seedContent } from './helpers/publish.ts'

beforeAll(async () => {
  await publishContent(seedContent())
})
