import { type Cidr, contains, type Ip, parseCidr, parseIp } from '../internal/ip.ts'
import { assertKnownOptions } from '../internal/options.ts'
import { readHeader, type WebhookRequest } from '../request.ts'
import { COST, PASSED, refusal, type Verifier, type VerifyResult } from './types.ts'

export interface IpAllowlistOptions {
  /** Networks allowed to call, as CIDRs or bare addresses, IPv4 or IPv6. */
  readonly allow: readonly string[]
  /**
   * Which proxies' `X-Forwarded-For` to believe: a number of trusted hops next to the server,
   * or the proxies' CIDRs. Default: none, and the header is ignored.
   */
  readonly trustProxy?: number | readonly string[]
}

/**
 * Refuses callers outside a list of networks with 403 `forbidden_ip`, e.g. Telegram's
 * `149.154.160.0/20` and `91.108.4.0/22`. IPv4-mapped IPv6 peers (`::ffff:1.2.3.4`) count as
 * IPv4. `X-Forwarded-For` is read only through `trustProxy`, from the right: the first hop
 * that is not a trusted proxy is the client, so a forged left-most entry changes nothing.
 * A request whose address is unknown is refused.
 *
 * @throws TypeError when a CIDR cannot be parsed or `trustProxy` is not a count or a list.
 * @example
 * ```ts
 * const verify = ipAllowlist({ allow: ['149.154.160.0/20', '91.108.4.0/22'], trustProxy: 1 })
 * ```
 */
export function ipAllowlist(options: IpAllowlistOptions): Verifier {
  assertKnownOptions('ipAllowlist', options, ['allow', 'trustProxy'])
  if (!Array.isArray(options.allow) || options.allow.length === 0) {
    throw new TypeError('ipAllowlist: option "allow" must be a non-empty list of CIDRs')
  }
  const allow = options.allow.map((text) => cidr('allow', text))
  const clientOf = clientResolver(options.trustProxy)
  const refused = refusal('forbidden_ip', 'The client address is not allowed')
  return {
    name: 'ipAllowlist',
    cost: COST.address,
    verify({ request }): VerifyResult {
      const client = clientOf(request)
      return client !== undefined && allow.some((net) => contains(net, client)) ? PASSED : refused
    },
  }
}

type ClientResolver = (request: WebhookRequest) => Ip | undefined

function clientResolver(trustProxy: IpAllowlistOptions['trustProxy']): ClientResolver {
  const peer = (request: WebhookRequest) => parseIp(request.remoteAddress ?? '')
  if (trustProxy === undefined || trustProxy === 0) return peer
  if (typeof trustProxy === 'number') {
    if (!Number.isInteger(trustProxy) || trustProxy < 0) {
      throw new TypeError('ipAllowlist: option "trustProxy" must be a hop count or a list of CIDRs')
    }
    // The peer is the nearest trusted hop; each further one moves a step left in the chain.
    return (request) => {
      const chain = hops(request)
      const index = chain.length - 1 - trustProxy
      return parseIp(chain[Math.max(index, 0)] ?? '')
    }
  }
  if (!Array.isArray(trustProxy)) {
    throw new TypeError('ipAllowlist: option "trustProxy" must be a hop count or a list of CIDRs')
  }
  const proxies = trustProxy.map((text) => cidr('trustProxy', text))
  return (request) => {
    const chain = hops(request)
    for (let index = chain.length - 1; index >= 0; index--) {
      const hop = parseIp(chain[index] ?? '')
      if (hop === undefined || index === 0 || !proxies.some((net) => contains(net, hop))) return hop
    }
    return undefined
  }
}

/** The forwarding chain, client first, ending with the peer the server saw. */
function hops(request: WebhookRequest): string[] {
  const forwarded = readHeader(request, 'x-forwarded-for')
  const chain = forwarded === undefined ? [] : forwarded.split(',').map((hop) => hop.trim())
  chain.push(request.remoteAddress ?? '')
  return chain
}

function cidr(option: string, text: string): Cidr {
  const parsed = typeof text === 'string' ? parseCidr(text) : undefined
  if (parsed === undefined) {
    throw new TypeError(`ipAllowlist: option "${option}" has an invalid CIDR: ${String(text)}`)
  }
  return parsed
}
