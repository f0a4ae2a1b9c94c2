/** Debian's Chromium through playwright-core: no browser download, flags for this closed network. */

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SCREENSHOTS = join(import.meta.dirname, '../../screenshots')

export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })

export const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const

export type Problems = { console: string[]; failed: string[] }

/** Records console errors and warnings, uncaught errors and failed requests of a page. */
export const watch = (page: Page): Problems => {
  const problems: Problems = { console: [], failed: [] }
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.console.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.console.push(`pageerror: ${error.message}`))
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failed.push(`${response.status()} ${response.url()}`)
  })
  page.on('requestfailed', (request) => problems.failed.push(`failed ${request.url()}`))
  return problems
}

/** Full-page for HTML; the viewport for XML documents, whose page size Chromium does not report. */
export const screenshot = async (page: Page, name: string, { fullPage = true } = {}): Promise<void> => {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage })
}
