import type { SignatureEncoding } from '../../crypto/types.ts'
import type { WebhookRequest } from '../../request.ts'
import { type DeliveryOptions, finish } from '../../testing/delivery.ts'
import { sign } from '../../testing/request.ts'
import { extractUrlKey } from './keys.ts'

/** What both builders accept besides their event's fields. */
interface Target extends DeliveryOptions {
  /** The bot secret that signs the body; its URL key is the path. */
  readonly secret: string
  /** The path key to post to instead of the secret's, e.g. a wrong one to see the 404. */
  readonly urlKey?: string
  /** Default `'hex'`. */
  readonly signatureEncoding?: SignatureEncoding
  readonly chatId?: number
  /** The delivery id: the same `chatId` and `postNo` again is a repeat. Default: a fresh one. */
  readonly postNo?: number
  readonly userId?: number
  readonly organizationId?: number | null
}

interface MessageOptions extends Target {
  readonly text?: string
  readonly userUniqueName?: string
  readonly replyNo?: number | null
  readonly replyText?: string | null
  readonly fileGuid?: string | null
  readonly fileName?: string | null
  readonly attachments?: readonly string[] | null
}

interface ActionOptions extends Target {
  /** The `bot://` link's action name. Default `'ping'`. */
  readonly action?: string
  readonly params?: Readonly<Record<string, string>>
}

const DEFAULTS = { chatId: 5150, userId: 2716, userUniqueName: 'ana', text: 'hello, bot' }

/**
 * A signed `message` delivery as pararam sends it to `POST /{url_key}`: a post with `text`
 * (`'hello, bot'`) by `userUniqueName` (`'ana'`, user `userId` 2716) in `chatId` (5150),
 * numbered `postNo` (fresh), with `organizationId`, `replyNo`, `replyText`, `fileGuid`,
 * `fileName` and `attachments` null unless given. `urlKey` (the secret's) picks the path,
 * `signatureEncoding` (`'hex'`) the signature; `tamper`, `unsigned` spoil the delivery.
 *
 * @throws TypeError when the secret is missing or empty.
 * @example
 * ```ts
 * const response = await webhook.handle(await message({ secret, text: '/start' }))
 * ```
 */
export async function message(options: MessageOptions): Promise<WebhookRequest> {
  const body = JSON.stringify({
    user_id: options.userId ?? DEFAULTS.userId,
    user_unique_name: options.userUniqueName ?? DEFAULTS.userUniqueName,
    chat_id: options.chatId ?? DEFAULTS.chatId,
    post_no: options.postNo ?? freshPostNo(),
    text: options.text ?? DEFAULTS.text,
    organization_id: options.organizationId ?? null,
    text_parsed: null,
    reply_no: options.replyNo ?? null,
    reply_text: options.replyText ?? null,
    file_guid: options.fileGuid ?? null,
    file_name: options.fileName ?? null,
    attachments: options.attachments ?? null,
  })
  return deliver(options, '', body)
}

/**
 * A signed `action` delivery as pararam sends it to `POST /{url_key}/act` when `userId`
 * (2716) clicks a `bot://` link with `action` (`'ping'`) and `params` (`{}`) in post `postNo`
 * (fresh) of `chatId` (5150); `organizationId` null unless given. `urlKey`,
 * `signatureEncoding`, `tamper` and `unsigned` as for `message`.
 *
 * @throws TypeError when the secret is missing or empty.
 * @example
 * ```ts
 * const response = await webhook.handle(await action({ secret, action: 'vote', params: { option: '2' } }))
 * ```
 */
export async function action(options: ActionOptions): Promise<WebhookRequest> {
  const body = JSON.stringify({
    user_id: options.userId ?? DEFAULTS.userId,
    chat_id: options.chatId ?? DEFAULTS.chatId,
    post_no: options.postNo ?? freshPostNo(),
    organization_id: options.organizationId ?? null,
    action: options.action ?? 'ping',
    params: options.params ?? {},
  })
  return deliver(options, '/act', body)
}

function deliver(options: Target, route: string, body: string): Promise<WebhookRequest> {
  if (typeof options.secret !== 'string' || options.secret.length === 0) {
    throw new TypeError('testing.pararam: option "secret" is required: a non-empty string')
  }
  const key = options.urlKey ?? extractUrlKey(options.secret)
  const encoding = options.signatureEncoding ?? 'hex'
  return finish({ url: `/${encodeURIComponent(key)}${route}`, body }, options, async (bytes) => ({
    'x-signature': await sign(bytes, { secret: options.secret, encoding }),
  }))
}

/** A post number unlikely to repeat, so two builders' deliveries are never duplicates. */
function freshPostNo(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1
}
