import { assertKnownOptions, toSecretList } from '../../internal/options.ts'
import { secretToken } from '../../verify/token.ts'
import type { Verifier } from '../../verify/types.ts'
import { botTokenCheck, type TelegramTokens } from './bot-token.ts'
import { type TelegramIpAllowlist, telegramIpAllowlist } from './ranges.ts'

interface CommonOptions {
  /**
   * Refuse callers outside Telegram's networks: `true` for `TELEGRAM_IP_RANGES`, or core's
   * `ipAllowlist` options, where `allow` replaces the ranges and `trustProxy` says which
   * proxies' `X-Forwarded-For` to believe. Default: no address check.
   */
  readonly ipAllowlist?: TelegramIpAllowlist | undefined
}

/** One bot on `/`, authenticated by the secret token set with `setWebhook`. */
export interface TelegramSingleBotOptions extends CommonOptions {
  /**
   * The `secret_token` given to `setWebhook`, which Telegram sends in
   * `X-Telegram-Bot-Api-Secret-Token`: 1-256 characters of `A-Za-z0-9_-`. A list accepts any
   * of them, for rotation.
   */
  readonly secretToken: string | readonly string[]
  readonly tokens?: undefined
}

/** Several bots on `/:token`; the bot token in the path authenticates, and a secret may too. */
export interface TelegramMultiBotOptions extends CommonOptions {
  /** The bot tokens served: a list, or a function that says whether a token is one of yours. */
  readonly tokens: TelegramTokens
  /** Also required in the header when given. */
  readonly secretToken?: string | readonly string[] | undefined
}

/** `{ secretToken }` for one bot, `{ tokens }` (and optionally `secretToken`) for several. */
export type TelegramOptions = TelegramSingleBotOptions | TelegramMultiBotOptions

/** The header Telegram carries the `secret_token` of `setWebhook` in. */
export const SECRET_TOKEN_HEADER = 'X-Telegram-Bot-Api-Secret-Token'

const KNOWN = ['secretToken', 'tokens', 'ipAllowlist']
const SECRET_TOKEN = /^[A-Za-z0-9_-]{1,256}$/

/**
 * Validates the preset's options into its verifiers, cheapest first once core sorts them: the
 * address, the bot token in the path, the secret token header. Without `tokens` a secret token
 * is required; with both, both are checked.
 *
 * @throws TypeError naming the option that is unknown, missing or malformed.
 */
export function telegramVerifiers(options: TelegramOptions): readonly Verifier[] {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      'telegram: options are required: "secretToken", or "tokens" for bots on /:token',
    )
  }
  assertKnownOptions('telegram', options, KNOWN)
  const verify: Verifier[] = []
  const address = telegramIpAllowlist(options.ipAllowlist)
  if (address !== undefined) verify.push(address)
  if (options.tokens !== undefined) verify.push(botTokenCheck(options.tokens))
  if (options.secretToken !== undefined || options.tokens === undefined) {
    verify.push(secretToken({ header: SECRET_TOKEN_HEADER, token: secrets(options.secretToken) }))
  }
  return verify
}

function secrets(value: unknown): readonly string[] {
  if (value === undefined) {
    throw new TypeError(
      'telegram: option "secretToken" is required, unless "tokens" puts each bot token in the path',
    )
  }
  const list = toSecretList('telegram', 'secretToken', value)
  if (!list.every((secret) => SECRET_TOKEN.test(secret))) {
    throw new TypeError(
      'telegram: option "secretToken" must be 1-256 characters of A-Z, a-z, 0-9, "_" and "-", as setWebhook requires',
    )
  }
  return list
}
