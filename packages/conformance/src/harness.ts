import type { WebhookRequest } from '@chathooks/core'
import { type Answer, abandon, send, sendChunked } from './client.ts'
import { probe } from './deliveries.ts'
import type { Observations } from './observer.ts'
import type { ConformanceTarget } from './target.ts'

/** One started target, as a test drives it. */
export interface Harness {
  send(request: WebhookRequest): Promise<Answer>
  sendChunked(request: WebhookRequest, options: { parts: number; finish: boolean }): Promise<Answer>
  abandon(request: WebhookRequest, sent: number): Promise<void>
  /** The observations, read through the `/probe` mount over HTTP. */
  observe(): Promise<Observations>
  /** Opens the gate ack-first handlers wait at; resolves with the observations once they finished. */
  release(): Promise<Observations>
  /** Closes the target once, however often it is called. */
  close(): Promise<Observations | undefined>
}

/** Starts the target and wraps it for a test. */
export async function startHarness(target: ConformanceTarget): Promise<Harness> {
  const started = await target.start()
  const { url } = started
  let closed: Promise<Observations | undefined> | undefined
  const command = async (name: 'observe' | 'release') => {
    const answer = await send(url, await probe(name))
    if (answer.status !== 200) throw new Error(`the probe answered ${answer.status} ${answer.text}`)
    return answer.json as Observations
  }
  return {
    send: (request) => send(url, request),
    sendChunked: (request, options) => sendChunked(url, request, options),
    abandon: (request, sent) => abandon(url, request, sent),
    observe: () => command('observe'),
    release: () => command('release'),
    close: () => {
      closed ??= started.close()
      return closed
    },
  }
}
