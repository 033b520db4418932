import type { WebhookRequest } from '@chathooks/core'
import { extractUrlKey } from '@chathooks/core/pararam'
import { langbot, pararam, telegram } from '@chathooks/core/testing'
import { expect } from 'vitest'
import {
  LANGBOT_SECRET,
  NOW,
  PARARAM_SECRET,
  TELEGRAM_SECRET,
  TELEGRAM_TOKEN,
} from '../fixtures.ts'
import type { Harness } from '../harness.ts'
import { toHex } from '../observer.ts'
import type { Case, Cases } from '../suite.ts'

const now = () => NOW
const KEY = extractUrlKey(PARARAM_SECRET)
const ACCEPTED = { code: 0, msg: 'accepted', data: { session_id: 'ticket-10293' } }

/** A preset's sample delivery, sent below the path its mount has in the scenario. */
async function under(mount: string, built: Promise<WebhookRequest>): Promise<WebhookRequest> {
  const request = await built
  // The root of a mount is the mount path itself, as a platform is configured with it.
  const rest =
    request.url === '/' || request.url.startsWith('/?') ? request.url.slice(1) : request.url
  return { ...request, url: mount + rest }
}

function fromHex(hex: string): unknown {
  const bytes = Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16))
  return JSON.parse(new TextDecoder().decode(bytes))
}

/**
 * The presets' own sub-routes below their mount paths: Telegram's bots on `/:token`, pararam's
 * `/{key}` and `/{key}/act`, LangBot's `/`, `/sync` and `/reset`, each answered as its platform
 * expects.
 */
export function presetCases(test: Case, table: Cases, cannotDrain: string | undefined): void {
  test('answers a Telegram update on /telegram/:token with the bot’s method call', async (target) => {
    const signed = await under(
      '/telegram',
      telegram.message({ secret: TELEGRAM_SECRET, botToken: TELEGRAM_TOKEN, text: 'hi' }),
    )
    const answer = await target.send(signed)
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual({ method: 'sendMessage', chat_id: 123456789, text: 'echo: hi' })
    expect((await target.observe()).deliveries).toEqual([
      { mount: '/telegram', url: `/${TELEGRAM_TOKEN}`, body: toHex(signed.body) },
    ])
  })

  table(
    [
      ['an unknown bot token', 404, 'not_found', { botToken: '987654321:not-served' }],
      ['no bot token', 404, 'not_found', {}],
      [
        'a wrong secret token',
        401,
        'signature_invalid',
        { botToken: TELEGRAM_TOKEN, tamper: true },
      ],
    ] as const,
    ([what, status, code]) => `refuses a Telegram update with ${what}: ${status} ${code}`,
    async (target, [, status, code, options]) => {
      const signed = await under(
        '/telegram',
        telegram.message({ secret: TELEGRAM_SECRET, ...options }),
      )
      const answer = await target.send(signed)
      expect(answer.status).toBe(status)
      expect(answer.json).toMatchObject({ error: code })
      expect((await target.observe()).deliveries).toEqual([])
    },
  )

  table(
    [
      ['message', `/${KEY}`, pararam.message, { text: 'echo: hello, bot' }],
      ['action', `/${KEY}/act`, pararam.action, { action: 'ping', params: {} }],
    ] as const,
    ([what, path]) => `answers a pararam ${what} on /pararam${path}`,
    async (target, [, path, build, reply]) => {
      const signed = await under('/pararam', build({ secret: PARARAM_SECRET }))
      const answer = await target.send(signed)
      expect(answer.status).toBe(200)
      expect(answer.json).toEqual(reply)
      expect((await target.observe()).deliveries).toEqual([
        { mount: '/pararam', url: path, body: toHex(signed.body) },
      ])
    },
  )

  table(
    [
      ['a wrong URL key', 404, 'not_found', { urlKey: 'wrongkey' }],
      ['a tampered body', 401, 'signature_invalid', { tamper: true }],
    ] as const,
    ([what, status, code]) => `refuses a pararam action with ${what}: ${status} ${code}`,
    async (target, [, status, code, options]) => {
      const signed = await under('/pararam', pararam.action({ secret: PARARAM_SECRET, ...options }))
      const answer = await target.send(signed)
      expect(answer.status).toBe(status)
      expect(answer.json).toMatchObject({ error: code })
      expect((await target.observe()).deliveries).toEqual([])
    },
  )

  const push = async (target: Harness) => {
    const answer = await target.send(
      await under('/langbot', langbot.push({ secret: LANGBOT_SECRET, now, text: 'ping' })),
    )
    expect(answer.status).toBe(202)
    expect(answer.json).toMatchObject(ACCEPTED)
  }
  if (cannotDrain === undefined) {
    test('accepts a LangBot push on /langbot with 202, and close() waits for its callback', async (target) => {
      await push(target)
      const final = await target.close()
      const callbacks = final?.deliveries.filter(({ mount }) => mount === 'langbot-callback')
      expect(callbacks?.map(({ body }) => fromHex(body))).toMatchObject([
        {
          session_id: 'ticket-10293',
          is_final: true,
          message: [{ type: 'Plain', text: 'echo: ping' }],
        },
      ])
    })
  } else {
    test(
      `accepts a LangBot push on /langbot with 202 (its callback unchecked: ${cannotDrain})`,
      push,
    )
  }

  test('answers a LangBot /langbot/sync with the reply parts', async (target) => {
    const answer = await target.send(
      await under('/langbot', langbot.sync({ secret: LANGBOT_SECRET, now, text: 'ping' })),
    )
    expect(answer.status).toBe(200)
    expect(answer.json).toMatchObject({
      code: 0,
      msg: 'ok',
      data: { session_id: 'ticket-10293', message: [{ type: 'Plain', text: 'echo: ping' }] },
    })
  })

  test('answers a LangBot /langbot/reset with 200', async (target) => {
    const answer = await target.send(
      await under('/langbot', langbot.reset({ secret: LANGBOT_SECRET, now })),
    )
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual({
      code: 0,
      msg: 'reset',
      data: { session_id: 'ticket-10293', removed: false },
    })
  })

  table(
    [
      ['an unknown sub-path', '/langbot/nope', 400, 40001, {}],
      ['a push signed 301 s ago', '/langbot', 401, 40101, { age: 301 }],
    ] as const,
    ([what, , status]) => `refuses ${what} of LangBot with ${status} in its envelope`,
    async (target, [, url, status, code, options]) => {
      const signed = await langbot.push({ secret: LANGBOT_SECRET, now, ...options })
      const answer = await target.send({ ...signed, url })
      expect(answer.status).toBe(status)
      expect(answer.json).toMatchObject({ code, data: null })
      expect((await target.observe()).deliveries).toEqual([])
    },
  )
}
