import { createWebhook, type IdempotencyStore, MemoryStore } from '@chathooks/core'
import { type TelegramTokens, telegram } from '@chathooks/core/telegram'
import * as testing from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { entries } from '../../pipeline/driver.ts'
import { BOT_A, BOT_B, quietLogger, SECRET, STRANGER } from './support.ts'

/** A webhook for `tokens` whose handler records the bot token of each event. */
function bots(tokens: TelegramTokens, secretToken?: string) {
  const seen: (string | undefined)[] = []
  const logger = quietLogger()
  const onError = vi.fn()
  const platform = telegram(secretToken === undefined ? { tokens } : { tokens, secretToken })
  const webhook = createWebhook(platform, { logger })
    .on('*', ({ botToken }) => {
      seen.push(botToken)
    })
    .onError(onError)
  return { webhook, seen, onError, logger }
}

const to = (botToken: string, extra: Partial<testing.telegram.UpdateSampleOptions> = {}) =>
  testing.telegram.message({ secret: SECRET, botToken, ...extra })

describe.each(entries)('multi-bot tokens through %s', (_, send) => {
  describe('as a list', () => {
    it.each([BOT_A, BOT_B])(
      'serves %s on its path and tells the handler which bot it was',
      async (token) => {
        const { webhook, seen } = bots([BOT_A, BOT_B])
        const answer = await send(webhook, await to(token))
        expect(answer).toMatchObject({ status: 200, json: {} })
        expect(seen).toEqual([token])
      },
    )

    it('accepts the token with its colon percent-encoded', async () => {
      const { webhook, seen } = bots([BOT_A])
      const sent = await to(BOT_A)
      const answer = await send(webhook, { ...sent, url: `/${encodeURIComponent(BOT_A)}` })
      expect(answer.status).toBe(200)
      expect(seen).toEqual([BOT_A])
    })

    it.each([
      ['a token nobody serves', STRANGER],
      ['a served token one character short', BOT_A.slice(0, -1)],
      ['a served token with a character added', `${BOT_A}x`],
      ['a served token in upper case', BOT_A.toUpperCase()],
      ['the bot id alone', BOT_A.split(':')[0] ?? ''],
      ['a segment that is not a token', 'admin-panel'],
    ])('answers %s exactly as it answers a path that does not exist', async (_, token) => {
      const { webhook, seen } = bots([BOT_A, BOT_B])
      const refused = await send(webhook, await to(token))
      const unknownPath = await send(webhook, { ...(await to(BOT_A)), url: '/no/such/path' })
      expect(refused).toMatchObject({ status: 404, json: { error: 'not_found' } })
      expect(refused).toEqual(unknownPath)
      expect(refused.text).not.toContain(token)
      expect(seen).toEqual([])
    })

    it('has no route on / once tokens are given', async () => {
      const { webhook, seen } = bots([BOT_A])
      const answer = await send(webhook, await testing.telegram.message({ secret: SECRET }))
      expect(answer).toMatchObject({ status: 404, json: { error: 'not_found' } })
      expect(seen).toEqual([])
    })
  })

  describe('as an async predicate', () => {
    it('serves a token the predicate accepts and refuses one it rejects with the 404', async () => {
      const accepts = vi.fn(async (token: string) => token === BOT_B)
      const { webhook, seen } = bots(accepts)
      expect((await send(webhook, await to(BOT_B))).status).toBe(200)
      expect((await send(webhook, await to(BOT_A))).status).toBe(404)
      expect(seen).toEqual([BOT_B])
      expect(accepts.mock.calls).toEqual([[BOT_B], [BOT_A]])
    })

    it('also takes a synchronous predicate', async () => {
      const { webhook, seen } = bots((token) => token.startsWith('110201543:'))
      expect((await send(webhook, await to(BOT_A))).status).toBe(200)
      expect(seen).toEqual([BOT_A])
    })

    it.each([
      ['1', 1],
      ['a token string', BOT_A],
      ['an object', {}],
    ])('accepts only true, so a predicate resolving %s is refused', async (_, value) => {
      const { webhook, seen } = bots(async () => value as unknown as boolean)
      expect((await send(webhook, await to(BOT_A))).status).toBe(404)
      expect(seen).toEqual([])
    })

    it.each(['webhook', 'admin', '..', '123456', ':AAH', `${BOT_A} `])(
      'never asks the predicate about %j, which is not shaped like a bot token',
      async (segment) => {
        const accepts = vi.fn(async () => true)
        const { webhook, seen } = bots(accepts)
        const answer = await send(webhook, await to(segment))
        expect(answer).toMatchObject({ status: 404, json: { error: 'not_found' } })
        expect(accepts).not.toHaveBeenCalled()
        expect(seen).toEqual([])
      },
    )

    it('answers 500 without running a handler and reports the error when the predicate throws', async () => {
      const outage = new Error('token store unreachable')
      const { webhook, seen, onError } = bots(async () => {
        throw outage
      })
      const answer = await send(webhook, await to(BOT_A))
      expect(answer).toMatchObject({ status: 500, json: { error: 'handler_failed' } })
      expect(answer.text).not.toContain('unreachable')
      expect(seen).toEqual([])
      expect(onError).toHaveBeenCalledWith(outage, undefined)
    })
  })

  describe('with a secret token too', () => {
    it('requires both the token in the path and the secret in the header', async () => {
      const { webhook, seen } = bots([BOT_A], SECRET)
      expect((await send(webhook, await to(BOT_A))).status).toBe(200)
      expect(await send(webhook, await to(BOT_A, { unsigned: true }))).toMatchObject({
        status: 401,
        json: { error: 'signature_missing' },
      })
      expect((await send(webhook, await to(BOT_A, { tamper: true }))).status).toBe(401)
      expect(seen).toEqual([BOT_A])
    })

    it('answers an unknown token 404 before looking at the header', async () => {
      const { webhook } = bots([BOT_A], SECRET)
      const answer = await send(webhook, await to(STRANGER, { unsigned: true }))
      expect(answer).toMatchObject({ status: 404, json: { error: 'not_found' } })
    })

    it('needs no header at all without a secret token', async () => {
      const { webhook, seen } = bots([BOT_A])
      expect((await send(webhook, await to(BOT_A, { unsigned: true }))).status).toBe(200)
      expect(seen).toEqual([BOT_A])
    })
  })

  describe('de-duplication', () => {
    it('dispatches the same update_id of two bots as two updates, and a repeat of one once', async () => {
      const { webhook, seen } = bots([BOT_A, BOT_B])
      for (const token of [BOT_A, BOT_B, BOT_A]) {
        const answer = await send(webhook, await to(token, { updateId: 777 }))
        expect(answer).toMatchObject({ status: 200, json: {} })
      }
      expect(seen).toEqual([BOT_A, BOT_B])
    })

    it('keys the store by the public bot id, never by the token', async () => {
      const keys: string[] = []
      const memory = new MemoryStore()
      const store: IdempotencyStore = {
        claim: (key, ttlMs) => {
          keys.push(key)
          return memory.claim(key, ttlMs)
        },
        release: (key) => memory.release(key),
      }
      const webhook = createWebhook(telegram({ tokens: [BOT_A] }), { store })
      await send(webhook, await to(BOT_A, { updateId: 918273645 }))
      expect(keys).toEqual(['telegram:110201543:918273645'])
    })
  })
})
