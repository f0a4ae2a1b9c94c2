/**
 * @module
 * How the publisher tells the Worker something after a publish (the hub ping, the cache purge):
 * a form POST with the publisher's secret, which never throws — the publish is done either way,
 * and what was not told is caught up later (the hub's cron; the cache's max-age).
 */

export type PostResult = { readonly answer: string } | { readonly skipped: string }

/** POSTs `form` to `url`; the first line of a 2xx answer, or why nothing was told. */
export const postForm = async (url: string, form: URLSearchParams, secret: string | undefined): Promise<PostResult> => {
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      body: form,
      ...(secret !== undefined && { headers: { Authorization: `Bearer ${secret}` } }),
      signal: AbortSignal.timeout(10_000),
    })
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code
    if (code === 'ECONNREFUSED') return { skipped: `nothing answers at ${url} (wrangler dev not running)` }
    return { skipped: `${url} could not be reached: ${(error as Error).message}` }
  }
  const answer = (await response.text()).trim().split('\n')[0] ?? ''
  return response.ok ? { answer } : { skipped: `${url} answered ${response.status}: ${answer}` }
}
