import { type IpAllowlistOptions, ipAllowlist, type Verifier } from '@chathooks/core'
import { request } from '@chathooks/core/testing'
import { describe, expect, it } from 'vitest'
import * as harness from './harness.ts'

const telegram = ['149.154.160.0/20', '91.108.4.0/22']
const inside = '149.154.167.1'
const outside = '203.0.113.9'
const fixture = '{\n  "update_id": 1,\n  "message": { "text": "Grüße 🌍 \\u00e9" }\n}\n'

const from = (remoteAddress: string | undefined, headers: Record<string, string> = {}) =>
  request({ body: fixture, headers, ...(remoteAddress === undefined ? {} : { remoteAddress }) })

const verdict = (verifier: Verifier, remoteAddress: string | undefined, forwardedFor?: string) =>
  harness.verdict(
    verifier,
    from(remoteAddress, forwardedFor === undefined ? {} : { 'X-Forwarded-For': forwardedFor }),
  )

describe('ipAllowlist', () => {
  const verifier = ipAllowlist({ allow: telegram })

  it.each([
    ['the first address of 149.154.160.0/20', '149.154.160.0', 'passed'],
    ['the last address of 149.154.160.0/20', '149.154.175.255', 'passed'],
    ['the address after 149.154.160.0/20', '149.154.176.0', 'forbidden_ip'],
    ['the address before 149.154.160.0/20', '149.154.159.255', 'forbidden_ip'],
    ['the first address of 91.108.4.0/22', '91.108.4.0', 'passed'],
    ['the last address of 91.108.4.0/22', '91.108.7.255', 'passed'],
    ['the address after 91.108.4.0/22', '91.108.8.0', 'forbidden_ip'],
    ['the address before 91.108.4.0/22', '91.108.3.255', 'forbidden_ip'],
    ['an IPv4-mapped IPv6 peer inside', `::ffff:${inside}`, 'passed'],
    ['an IPv4-mapped IPv6 peer in hex', '::ffff:959a:a701', 'passed'],
    ['an IPv4-mapped IPv6 peer outside', `::ffff:${outside}`, 'forbidden_ip'],
    ['an IPv6 peer', '2001:db8::1', 'forbidden_ip'],
    ['an address that does not parse', 'localhost', 'forbidden_ip'],
    ['an address with a port', `${inside}:443`, 'forbidden_ip'],
  ])('with Telegram ranges, answers %s with %s', async (_, address, code) => {
    expect(await verdict(verifier, address)).toBe(code)
  })

  it.each([
    ['2001:db8::', 'passed'],
    ['2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', 'passed'],
    ['2001:DB8:0:0:0:0:0:1', 'passed'],
    ['2001:db9::', 'forbidden_ip'],
    ['2001:db7:ffff:ffff:ffff:ffff:ffff:ffff', 'forbidden_ip'],
    ['149.154.167.1', 'forbidden_ip'],
  ])('with 2001:db8::/32, answers %s with %s', async (address, code) => {
    expect(await verdict(ipAllowlist({ allow: ['2001:db8::/32'] }), address)).toBe(code)
  })

  it('allows a bare address and nothing next to it', async () => {
    const single = ipAllowlist({ allow: ['198.51.100.7', '2001:db8::7'] })
    expect(await verdict(single, '198.51.100.7')).toBe('passed')
    expect(await verdict(single, '198.51.100.8')).toBe('forbidden_ip')
    expect(await verdict(single, '2001:db8::7')).toBe('passed')
    expect(await verdict(single, '2001:db8::6')).toBe('forbidden_ip')
  })

  it('accepts an IPv4 network written as IPv4-mapped IPv6', async () => {
    const mapped = ipAllowlist({ allow: ['::ffff:149.154.160.0/116'] })
    expect(await verdict(mapped, inside)).toBe('passed')
    expect(await verdict(mapped, '149.154.176.0')).toBe('forbidden_ip')
  })

  it('drops the zone index of a link-local peer', async () => {
    const local = ipAllowlist({ allow: ['fe80::/10'] })
    expect(await verdict(local, 'fe80::1%eth0')).toBe('passed')
    expect(await verdict(local, 'fe80::1%25')).toBe('passed')
  })

  it('refuses a request whose address is unknown', async () => {
    expect(await verdict(verifier, undefined)).toBe('forbidden_ip')
    expect(await verdict(verifier, '')).toBe('forbidden_ip')
  })

  describe('X-Forwarded-For', () => {
    it('is ignored without trustProxy, so a spoofed header changes nothing', async () => {
      expect(await verdict(verifier, outside, inside)).toBe('forbidden_ip')
      expect(await verdict(verifier, inside, outside)).toBe('passed')
    })

    it.each([
      [1, `${outside}, ${inside}`, '10.0.0.1', 'passed'],
      [1, `${inside}, ${outside}`, '10.0.0.1', 'forbidden_ip'],
      [1, inside, '10.0.0.1', 'passed'],
      [2, `${outside}, ${inside}, 10.0.0.2`, '10.0.0.1', 'passed'],
      [2, `${inside}, ${outside}, 10.0.0.2`, '10.0.0.1', 'forbidden_ip'],
      [1, `${inside}, not-an-ip`, '10.0.0.1', 'forbidden_ip'],
      [1, ` ${outside} ,  ${inside} `, '10.0.0.1', 'passed'],
    ])('with trustProxy %i and "%s" from %s, answers %s', async (hops, chain, peer, code) => {
      expect(await verdict(ipAllowlist({ allow: telegram, trustProxy: hops }), peer, chain)).toBe(
        code,
      )
    })

    it('with trustProxy as a hop count, checks the peer itself when no header came', async () => {
      const behind = ipAllowlist({ allow: telegram, trustProxy: 1 })
      expect(await verdict(behind, inside)).toBe('passed')
      expect(await verdict(behind, outside)).toBe('forbidden_ip')
    })

    describe('with trustProxy as proxy CIDRs', () => {
      const behind = ipAllowlist({ allow: telegram, trustProxy: ['10.0.0.0/8', 'fd00::/8'] })

      it.each([
        ['the right-most untrusted hop', `${outside}, ${inside}, 10.0.0.3`, '10.0.0.2', 'passed'],
        ['a forged left-most entry', `${inside}, ${outside}, 10.0.0.3`, '10.0.0.2', 'forbidden_ip'],
        ['an IPv6 proxy chain', `${outside}, ${inside}, fd00::3`, 'fd00::2', 'passed'],
        ['garbage in the chain', `${inside}, junk, 10.0.0.3`, '10.0.0.2', 'forbidden_ip'],
        ['a peer that is no proxy', inside, outside, 'forbidden_ip'],
        ['a direct allowed peer', outside, inside, 'passed'],
      ])('takes %s', async (_, chain, peer, code) => {
        expect(await verdict(behind, peer, chain)).toBe(code)
      })
    })
  })

  describe('through createWebhook', () => {
    async function serve(remoteAddress: string | undefined, headers: Record<string, string> = {}) {
      const verify = ipAllowlist({ allow: telegram })
      const { status, json, ran } = await harness.serve(verify, from(remoteAddress, headers))
      return { status, json, ran }
    }

    it('runs the handler for an allowed peer', async () => {
      expect(await serve(inside)).toEqual({ status: 200, json: { handled: true }, ran: true })
    })

    it.each([
      ['an address outside', outside, {}],
      ['no address', undefined, {}],
      ['a spoofed X-Forwarded-For', outside, { 'X-Forwarded-For': inside }],
    ])(
      'answers 403 forbidden_ip to %s without running the handler',
      async (_, address, headers) => {
        expect(await serve(address, headers)).toEqual({
          status: 403,
          json: { error: 'forbidden_ip', message: expect.any(String) },
          ran: false,
        })
      },
    )
  })

  describe('configuration', () => {
    it.each([
      ['a prefix over 32 bits', { allow: ['1.2.3.4/33'] }, 'allow'],
      ['a prefix over 128 bits', { allow: ['::/129'] }, 'allow'],
      ['an octet over 255', { allow: ['300.1.1.1'] }, 'allow'],
      ['three octets', { allow: ['1.2.3/24'] }, 'allow'],
      ['an empty prefix', { allow: ['1.2.3.4/'] }, 'allow'],
      ['a negative prefix', { allow: ['1.2.3.4/-1'] }, 'allow'],
      ['two double colons', { allow: ['2001::db8::/32'] }, 'allow'],
      ['a host name', { allow: ['telegram.org'] }, 'allow'],
      ['an empty list', { allow: [] }, 'allow'],
      ['a missing list', {}, 'allow'],
      ['a bad proxy CIDR', { allow: telegram, trustProxy: ['10.0.0.0/40'] }, 'trustProxy'],
      ['a negative hop count', { allow: telegram, trustProxy: -1 }, 'trustProxy'],
      ['a fractional hop count', { allow: telegram, trustProxy: 1.5 }, 'trustProxy'],
      ['a hop count as text', { allow: telegram, trustProxy: 'true' }, 'trustProxy'],
      ['an unknown option', { allow: telegram, trustProxies: 1 }, 'trustProxies'],
    ])('throws at creation on %s, naming the option', (_, options, option) => {
      const create = () => ipAllowlist(options as unknown as IpAllowlistOptions)
      expect(create).toThrow(TypeError)
      expect(create).toThrow(`"${option}"`)
    })
  })
})
