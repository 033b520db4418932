import { notFound } from '../../internal/refusals.ts'
import { COST, PASSED, type Verifier, type VerifyResult } from '../../verify/types.ts'
import { urlKey } from '../../verify/url-key.ts'

/** Which bot tokens the `/:token` route serves: a list, or a check that may look one up. */
export type TelegramTokens = readonly string[] | ((token: string) => boolean | Promise<boolean>)

// BotFather's tokens are `<bot id>:<secret>`; aiogram and litegram validate the same shape.
const BOT_TOKEN = /^\d{1,20}:[A-Za-z0-9_-]{1,100}$/

/**
 * The check of the token in the path. A list is compared in constant time by core's `urlKey`;
 * a predicate is asked only about a path segment shaped like a bot token, and only `true`
 * accepts. Either way a refused token answers the router's own 404, so a token cannot be
 * told apart from a path that does not exist.
 *
 * @throws TypeError naming `tokens` when it is neither a non-empty list of bot tokens nor a
 * function.
 */
export function botTokenCheck(tokens: TelegramTokens): Verifier {
  if (typeof tokens === 'function') return predicateCheck(tokens)
  if (
    !Array.isArray(tokens) ||
    tokens.length === 0 ||
    !tokens.every((token) => typeof token === 'string' && BOT_TOKEN.test(token))
  ) {
    throw new TypeError(
      'telegram: option "tokens" must be a non-empty list of bot tokens ("<bot id>:<secret>") or a function (token) => boolean',
    )
  }
  return urlKey({ key: tokens })
}

function predicateCheck(accepts: (token: string) => boolean | Promise<boolean>): Verifier {
  const refused: VerifyResult = { ok: false, error: notFound() }
  return {
    name: 'telegramBotToken',
    cost: COST.path,
    async verify({ params }) {
      const token = params.token ?? ''
      if (!BOT_TOKEN.test(token)) return refused
      // A predicate that throws is not a verdict: the rejection reaches core, which reports it
      // to onError and answers 500, and Telegram retries the update later.
      return (await accepts(token)) === true ? PASSED : refused
    },
  }
}

/** The bot's numeric id, the public half of its token, for keys that must not hold the secret. */
export function botIdOf(token: string): string {
  return token.slice(0, token.indexOf(':'))
}
