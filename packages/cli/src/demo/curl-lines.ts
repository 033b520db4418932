import type { WebhookRequest } from '@chathooks/core'
import { buildSample } from '../build-sample.ts'
import { curlLine } from '../curl.ts'
import { joinUrl } from '../http/url.ts'
import { type CliPlatform, PLATFORMS } from '../platforms/index.ts'
import { DEMO_SECRETS } from './secrets.ts'

/** A ready `curl` line for one platform, and until when its signature holds. */
export interface CurlSample {
  readonly platform: CliPlatform
  readonly event: string
  readonly curl: string
  /** Epoch milliseconds; `undefined` when nothing in it expires. */
  readonly expiresAt: number | undefined
}

/**
 * A freshly signed `curl` line per platform for its main event, aimed at the demo server at
 * `origin`: fresh ids, so each line is handled once and a second run of it is a duplicate.
 *
 * @example
 * ```ts
 * for (const { curl } of await curlSamples(server.url)) console.log(curl)
 * ```
 */
export async function curlSamples(origin: string): Promise<CurlSample[]> {
  return Promise.all(
    PLATFORMS.map(async (platform) => {
      const [event] = platform.events
      if (event === undefined) throw new TypeError(`${platform.name} has no event`)
      const signedAt = Date.now()
      const request = await buildSample(event, {
        secret: DEMO_SECRETS[platform.name],
        now: () => signedAt,
        text: 'hello from curl',
      })
      const base = new URL(`${origin}/${platform.name}`)
      return {
        platform,
        event: event.name,
        curl: curlLine({
          url: joinUrl(base, request.url).href,
          headers: flat(request),
          body: request.body,
        }),
        expiresAt:
          platform.windowSeconds === undefined
            ? undefined
            : signedAt + platform.windowSeconds * 1000,
      }
    }),
  )
}

function flat(request: WebhookRequest): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = typeof value === 'string' ? value : value.join(', ')
  }
  return headers
}
