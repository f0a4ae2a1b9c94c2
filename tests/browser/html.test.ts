/** Every kind of page we serve passes a real HTML validator (html-validate, recommended rules). */
import { HtmlValidate } from 'html-validate'
import { describe, expect, inject, it } from 'vitest'

const origin = inject('origin')
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // hono/jsx writes void elements self-closed (<meta/>) and boolean attributes empty
    // (hidden=""): both are valid HTML, so the style rules follow the renderer.
    'void-style': ['error', { style: 'selfclose' }],
    'attribute-boolean-style': ['error', { style: 'empty' }],
    'attribute-empty-style': ['error', { style: 'empty' }],
    // An article page's <title> is its headline (and the site name); headlines run long.
    'long-title': 'off',
  },
})

describe('HTML', () => {
  it.each(['/', '/articles/china-russia-security-cooperation', '/tags/sco', '/tags/csto', '/no-such-page'])(
    '%s is valid',
    async (path) => {
      const html = await (await fetch(`${origin}${path}`)).text()
      const report = await validator.validateString(html)
      const messages = report.results.flatMap((result) =>
        result.messages.map((m) => `${m.ruleId}: ${m.message} (${m.line}:${m.column})`),
      )
      expect(messages).toEqual([])
    },
  )
})
