import type { ConformanceTarget } from '@chathooks/conformance'
import { request, toRequest } from '@chathooks/core/testing'
import { ADDRESS_TOKEN } from './targets/app.ts'

/**
 * Starts a target, asks its `/address` mount which client address the adapter gave the
 * webhook, and stops it again; resolves with the mount's answer, `{ address }`.
 */
export async function addressSeen(
  target: ConformanceTarget,
  headers: Readonly<Record<string, string>> = {},
): Promise<unknown> {
  const started = await target.start()
  try {
    const sent = request({
      url: '/address',
      body: '{}',
      headers: { 'x-token': ADDRESS_TOKEN, ...headers },
    })
    return await (await fetch(toRequest(sent, started.url))).json()
  } finally {
    await started.close()
  }
}
