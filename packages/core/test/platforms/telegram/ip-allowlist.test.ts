import { createWebhook, type WebhookRequest } from '@chathooks/core'
import { TELEGRAM_IP_RANGES, type TelegramIpAllowlist, telegram } from '@chathooks/core/telegram'
import * as testing from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { entries } from '../../pipeline/driver.ts'
import { SECRET } from './support.ts'

const INSIDE = '149.154.167.220'
const OUTSIDE = '203.0.113.9'
const PROXY = '10.0.0.2'

function guarded(ipAllowlist: TelegramIpAllowlist) {
  const handler = vi.fn()
  const webhook = createWebhook(telegram({ secretToken: SECRET, ipAllowlist })).on('*', handler)
  return { webhook, handler }
}

async function from(
  remoteAddress: string | undefined,
  forwardedFor?: string,
  options: Partial<testing.telegram.UpdateSampleOptions> = {},
): Promise<WebhookRequest> {
  const sent = await testing.telegram.message({ secret: SECRET, ...options })
  const headers =
    forwardedFor === undefined ? sent.headers : { ...sent.headers, 'x-forwarded-for': forwardedFor }
  return { ...sent, headers, ...(remoteAddress === undefined ? {} : { remoteAddress }) }
}

describe('TELEGRAM_IP_RANGES', () => {
  it("is Telegram's two published webhook networks, and cannot be changed", () => {
    expect(TELEGRAM_IP_RANGES).toEqual(['149.154.160.0/20', '91.108.4.0/22'])
    expect(Object.isFrozen(TELEGRAM_IP_RANGES)).toBe(true)
  })
})

describe.each(entries)('ipAllowlist through %s', (_, send) => {
  describe('true: Telegram ranges', () => {
    it.each([
      ['the first address of 149.154.160.0/20', '149.154.160.0', 200],
      ['the last address of 149.154.160.0/20', '149.154.175.255', 200],
      ['a Telegram address', INSIDE, 200],
      ['the address after 149.154.160.0/20', '149.154.176.0', 403],
      ['the address before 149.154.160.0/20', '149.154.159.255', 403],
      ['the first address of 91.108.4.0/22', '91.108.4.0', 200],
      ['the last address of 91.108.4.0/22', '91.108.7.255', 200],
      ['the address after 91.108.4.0/22', '91.108.8.0', 403],
      ['an IPv4-mapped IPv6 Telegram address', `::ffff:${INSIDE}`, 200],
      ['an IPv4-mapped IPv6 address outside', `::ffff:${OUTSIDE}`, 403],
      ['an address outside', OUTSIDE, 403],
      ['an IPv6 address', '2001:db8::1', 403],
      ['localhost', '127.0.0.1', 403],
    ])('answers %s (%s) with %i', async (_, address, status) => {
      const { webhook, handler } = guarded(true)
      const answer = await send(webhook, await from(address))
      expect(answer.status).toBe(status)
      if (status === 403) expect(answer.json).toMatchObject({ error: 'forbidden_ip' })
      expect(handler).toHaveBeenCalledTimes(status === 200 ? 1 : 0)
    })

    it('refuses a request whose address is unknown', async () => {
      const { webhook, handler } = guarded(true)
      expect((await send(webhook, await from(undefined))).status).toBe(403)
      expect(handler).not.toHaveBeenCalled()
    })

    it('refuses a forged X-Forwarded-For, since no proxy is trusted', async () => {
      const { webhook, handler } = guarded(true)
      const answer = await send(webhook, await from(OUTSIDE, INSIDE))
      expect(answer).toMatchObject({ status: 403, json: { error: 'forbidden_ip' } })
      expect(handler).not.toHaveBeenCalled()
    })

    it('checks the address before the secret token', async () => {
      const { webhook } = guarded(true)
      const answer = await send(webhook, await from(OUTSIDE, undefined, { unsigned: true }))
      expect(answer).toMatchObject({ status: 403, json: { error: 'forbidden_ip' } })
    })

    it('still requires the secret token from a Telegram address', async () => {
      const { webhook, handler } = guarded(true)
      const answer = await send(webhook, await from(INSIDE, undefined, { tamper: true }))
      expect(answer).toMatchObject({ status: 401, json: { error: 'signature_invalid' } })
      expect(handler).not.toHaveBeenCalled()
    })
  })

  describe("core's options", () => {
    it('lets allow replace the Telegram ranges', async () => {
      const { webhook } = guarded({ allow: ['198.51.100.0/24'] })
      expect((await send(webhook, await from('198.51.100.7'))).status).toBe(200)
      expect((await send(webhook, await from(INSIDE))).status).toBe(403)
    })

    it.each([
      ['the client right of a forged entry', `${OUTSIDE}, ${INSIDE}`, 200],
      ['a forged Telegram address left of the real client', `${INSIDE}, ${OUTSIDE}`, 403],
      ['a Telegram client alone', INSIDE, 200],
    ])(
      'with trustProxy: 1 behind a proxy, keeps Telegram ranges and takes %s',
      async (_, chain, status) => {
        const { webhook } = guarded({ trustProxy: 1 })
        expect((await send(webhook, await from(PROXY, chain))).status).toBe(status)
      },
    )

    it('with trustProxy as proxy CIDRs, believes only those proxies', async () => {
      const { webhook } = guarded({ trustProxy: ['10.0.0.0/8'] })
      expect((await send(webhook, await from(PROXY, INSIDE))).status).toBe(200)
      expect((await send(webhook, await from(OUTSIDE, INSIDE))).status).toBe(403)
    })

    it('combines allow and trustProxy', async () => {
      const { webhook } = guarded({ allow: ['198.51.100.0/24'], trustProxy: 1 })
      expect((await send(webhook, await from(PROXY, '198.51.100.7'))).status).toBe(200)
      expect((await send(webhook, await from(PROXY, INSIDE))).status).toBe(403)
    })
  })

  it('checks no address when ipAllowlist is false or left out', async () => {
    for (const webhook of [
      guarded(false).webhook,
      createWebhook(telegram({ secretToken: SECRET })),
    ]) {
      expect((await send(webhook, await from(OUTSIDE))).status).toBe(200)
    }
  })
})
