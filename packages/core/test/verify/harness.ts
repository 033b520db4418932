import {
  createWebhook,
  generic,
  type Verifier,
  type VerifyResult,
  type WebhookRequest,
} from '@chathooks/core'
import { vi } from 'vitest'

/** Runs one verifier on a request, with the path and query the router would hand it. */
export async function verification(verifier: Verifier, req: WebhookRequest): Promise<VerifyResult> {
  const mark = req.url.indexOf('?')
  const path = (mark < 0 ? req.url : req.url.slice(0, mark)) || '/'
  const query = mark < 0 ? '' : req.url.slice(mark + 1)
  return verifier.verify({ request: req, path, query, params: {} })
}

/** `'passed'`, or the code of the error the verifier refuses the request with. */
export async function verdict(verifier: Verifier, req: WebhookRequest): Promise<string> {
  const result = await verification(verifier, req)
  return result.ok ? 'passed' : result.error.code
}

/** What a sender notices of a generic webhook guarded by `verify`, and whether `'*'` ran. */
export async function serve(verify: Verifier, req: WebhookRequest, routes?: readonly string[]) {
  const handler = vi.fn(() => ({ handled: true }))
  const platform = generic(routes === undefined ? { verify } : { verify, routes })
  const response = await createWebhook(platform).on('*', handler).handle(req)
  const text =
    typeof response.body === 'string' ? response.body : new TextDecoder().decode(response.body)
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: JSON.parse(text) as unknown,
    ran: handler.mock.calls.length > 0,
  }
}
