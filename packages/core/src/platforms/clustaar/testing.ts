import { toBase64, utf8 } from '../../crypto/codec.ts'
import type { WebhookRequest } from '../../request.ts'
import { type DeliveryOptions, finish } from '../../testing/delivery.ts'
import { sign } from '../../testing/request.ts'

/** A `conversation.step_reached` delivery; every field but `secret` has a realistic default. */
export interface StepReachedOptions extends DeliveryOptions {
  /** The private key that signs `X-Hub-Signature`. */
  readonly secret: string
  /** With `password`, adds basic-auth credentials. Default none. */
  readonly username?: string
  readonly password?: string
  /** `data.step.id`. Default `'507f191e810c19729de860ea'`. */
  readonly stepId?: string
  /** `data.step.name`. Default `'Ask order number'`. */
  readonly stepName?: string
  /** The interlocutor's message, `data.input.text`. Default `'hello'`. */
  readonly text?: string
  /** `data.session.values`. Default `{ lang: 'fr' }`. */
  readonly sessionValues?: Readonly<Record<string, unknown>>
  /** The `Date` header, exactly as sent (and signed). Default: the signing time as an HTTP-date. */
  readonly date?: string
}

const BOT_ID = '5b0e5f1c2f1e4a0012345678'
const INTERLOCUTOR = {
  id: '5b0e5f1c2f1e4a00aaaaaaaa',
  userID: 'visitor-42',
  customAttributes: { plan: 'pro' },
}

/**
 * A signed `conversation.step_reached` notification, as Clustaar sends it when a bot's flow
 * reaches a step that calls the webhook: `Date` is the signing time (moved by `age`), the body
 * carries the same time as `timestamp`, and `X-Hub-Signature` is HMAC-SHA1 with `secret` over
 * `date=<Date>\n<body>`. `unsigned` drops the signature and the credentials; `tamper` changes
 * one byte of the body. The same options and clock give the same bytes: that is a repeat.
 *
 * @example
 * ```ts
 * const response = await webhook.handle(
 *   await testing.clustaar.stepReached({ secret: 'private-key', text: 'where is my order?' }),
 * )
 * ```
 */
export async function stepReached(options: StepReachedOptions): Promise<WebhookRequest> {
  const sentAt = (options.now ?? Date.now)() - (options.age ?? 0) * 1000
  const date = options.date ?? new Date(sentAt).toUTCString()
  const body = JSON.stringify({
    botID: BOT_ID,
    timestamp: Math.floor(sentAt / 1000),
    topic: 'conversation.step_reached',
    type: 'notification_event',
    data: {
      type: 'step_reached_event',
      channel: 'web',
      interlocutor: INTERLOCUTOR,
      session: { values: options.sessionValues ?? { lang: 'fr' } },
      step: {
        id: options.stepId ?? '507f191e810c19729de860ea',
        name: options.stepName ?? 'Ask order number',
        userData: '{}',
        actions: [],
      },
      input: { type: 'message', text: options.text ?? 'hello', attachments: [] },
    },
  })
  const { username, password } = options
  const credentials =
    username === undefined || password === undefined
      ? {}
      : { authorization: `Basic ${toBase64(utf8(`${username}:${password}`))}` }
  return finish({ body, headers: { date } }, options, async (bytes) => ({
    ...credentials,
    'x-hub-signature': await sign(['date=', date, '\n', bytes], {
      secret: options.secret,
      algorithm: 'sha1',
      prefix: 'sha1=',
    }),
  }))
}
