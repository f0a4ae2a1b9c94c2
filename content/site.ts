import { defineSite } from './schema.ts'

export default defineSite({
  title: 'Newswire',
  description: 'Wire-service news articles, published in full as RSS, Atom and JSON Feed.',
  language: 'en',
  publisher: 'Newswire',
  idAuthority: 'newswire.example',
  idDate: '2026',
  ttlMinutes: 15,
})
