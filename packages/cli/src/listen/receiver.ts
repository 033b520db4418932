import { createWebhook } from '@chathooks/core'
import { type CallbackPayload, callbackReceiver } from '@chathooks/core/langbot'
import { serve, type WebhookServer } from '@chathooks/node'
import { CliError } from '../cli-error.ts'
import { observe, refusalOf } from '../observe.ts'

export interface ReceiverOptions {
  /** The bot's outbound secret, which signs its callbacks. */
  readonly secret: string
  readonly port: number
  readonly host: string
  /** Called with each new part, in arrival order; a repeat of a part is not passed on. */
  readonly onPart: (part: CallbackPayload) => void
  /** Called for each refused request, with its status and the reason. */
  readonly onRefused: (status: number, reason: string) => void
}

/**
 * Starts a LangBot callback receiver (`callbackReceiver` from `@chathooks/core/langbot`)
 * served by `@chathooks/node`: it verifies each part's signature and time, drops repeats,
 * and hands on every new part.
 *
 * @throws CliError `bad_secret` for an empty secret, `listen_failed` when the port is taken.
 * @example
 * ```ts
 * const server = await startReceiver({ secret, port: 0, host: '127.0.0.1', onPart, onRefused })
 * ```
 */
export async function startReceiver(options: ReceiverOptions): Promise<WebhookServer> {
  let platform: ReturnType<typeof callbackReceiver>
  try {
    platform = callbackReceiver({ secret: options.secret })
  } catch (error) {
    throw new CliError('bad_secret', (error as Error).message)
  }
  const webhook = createWebhook(platform).on('reply', ({ payload }) => {
    options.onPart(payload)
  })
  const observed = observe(webhook, (response) => {
    if (response.status >= 400) {
      options.onRefused(response.status, refusalOf(response.status, response.body))
    }
  })
  return listenOn(() => serve(observed, { port: options.port, host: options.host }), options)
}

/**
 * Starts a server, turning a port that is taken or not allowed into a CLI error.
 *
 * @throws CliError `listen_failed` naming the address and the reason.
 */
export async function listenOn(
  start: () => Promise<WebhookServer>,
  where: { readonly host: string; readonly port: number },
): Promise<WebhookServer> {
  try {
    return await start()
  } catch (error) {
    const code = (error as { code?: unknown }).code
    throw new CliError(
      'listen_failed',
      `cannot listen on ${where.host}:${where.port}: ${String(code ?? (error as Error).message)}`,
    )
  }
}
