import { type IpAllowlistOptions, ipAllowlist } from '../../verify/ip-allowlist.ts'
import type { Verifier } from '../../verify/types.ts'

/** The networks Telegram sends webhooks from, as its webhook guide publishes them. */
export const TELEGRAM_IP_RANGES: readonly string[] = Object.freeze([
  '149.154.160.0/20',
  '91.108.4.0/22',
])

/** `true` for Telegram's ranges, or core's `ipAllowlist` options, where `allow` replaces them. */
export type TelegramIpAllowlist = boolean | Partial<IpAllowlistOptions>

/**
 * The address check of the `ipAllowlist` option: `undefined` when it is off, else core's
 * `ipAllowlist` over Telegram's ranges (or the given `allow`), with `trustProxy` as given.
 *
 * @throws TypeError naming `ipAllowlist` when the value is neither a boolean nor an options
 * object, or core's `ipAllowlist` refuses the options.
 */
export function telegramIpAllowlist(option: TelegramIpAllowlist | undefined): Verifier | undefined {
  if (option === undefined || option === false) return undefined
  const given = option === true ? {} : option
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new TypeError(
      'telegram: option "ipAllowlist" must be true, false or { allow?, trustProxy? }',
    )
  }
  try {
    return ipAllowlist({ allow: TELEGRAM_IP_RANGES, ...given })
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    throw new TypeError(`telegram: option "ipAllowlist" is invalid (${reason})`, { cause })
  }
}
