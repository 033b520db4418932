import {
  callbackReceiver,
  createHttpBotClient,
  createTurnAssembler,
  httpBot,
} from '@chathooks/core/langbot'
import { describe, expect, it } from 'vitest'

const SECRET = 'top-secret-value'
const valid = { inboundSecret: SECRET, callbackUrl: 'https://crm.example/lb/callback' }

/** The message a factory throws with, so a table can check the option it names. */
function thrown(make: () => unknown): string {
  try {
    make()
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError)
    return (error as TypeError).message
  }
  throw new Error('expected a TypeError')
}

describe('httpBot options', () => {
  it('accepts the required options alone, and every option at its edge', () => {
    expect(httpBot(valid).name).toBe('langbot')
    const edges = {
      ...valid,
      outboundSecret: ['next', 'current'],
      aggregateMs: 0,
      syncTimeoutMs: 1,
      callbackTimeoutMs: 1,
      callbackRetries: 0,
      retryDelayMs: 0,
      maxRetryDelayMs: 0,
      maxQueuedParts: 1,
      maxInFlight: 1,
      fetch: globalThis.fetch,
      now: Date.now,
    }
    expect(httpBot(edges).routes?.map((route) => route.path)).toEqual(['/', '/sync', '/reset'])
  })

  it.each([
    ['inboundSecret', { inboundSecret: undefined }],
    ['inboundSecret', { inboundSecret: '' }],
    ['inboundSecret', { inboundSecret: [] }],
    ['outboundSecret', { outboundSecret: '' }],
    ['outboundSecret', { outboundSecret: [SECRET, 7] }],
    ['callbackUrl', { callbackUrl: undefined }],
    ['callbackUrl', { callbackUrl: 'crm.example/callback' }],
    ['callbackUrl', { callbackUrl: 'ftp://crm.example/callback' }],
    ['callbackUrl', { callbackUrl: 'javascript:alert(1)' }],
    ['callbackUrl', { callbackUrl: `https://bot:${SECRET}@crm.example/callback` }],
    ['aggregateMs', { aggregateMs: -1 }],
    ['aggregateMs', { aggregateMs: 1.5 }],
    ['syncTimeoutMs', { syncTimeoutMs: 0 }],
    ['callbackTimeoutMs', { callbackTimeoutMs: Number.POSITIVE_INFINITY }],
    ['callbackRetries', { callbackRetries: -1 }],
    ['retryDelayMs', { retryDelayMs: '1000' }],
    ['maxRetryDelayMs', { maxRetryDelayMs: Number.NaN }],
    ['maxQueuedParts', { maxQueuedParts: 0 }],
    ['maxInFlight', { maxInFlight: 0 }],
    ['fetch', { fetch: 'fetch' }],
    ['now', { now: 1_718_000_000_000 }],
    ['callback_url', { callback_url: 'https://crm.example' }],
  ])('names option %s when it is wrong: %o', (option, change) => {
    const message = thrown(() => httpBot({ ...valid, ...change } as never))
    expect(message).toMatch(new RegExp(`^httpBot: .*"${option}"`))
    expect(message).not.toContain(SECRET)
  })

  it('refuses to start without options', () => {
    expect(thrown(() => httpBot(undefined as never))).toMatch(/^httpBot: /)
  })
})

describe('callbackReceiver options', () => {
  it.each([
    ['secret', {}],
    ['secret', { secret: '' }],
    ['now', { secret: SECRET, now: 'now' }],
    ['secrets', { secret: SECRET, secrets: [SECRET] }],
  ])('names option %s when it is wrong', (option, options) => {
    const message = thrown(() => callbackReceiver(options as never))
    expect(message).toMatch(new RegExp(`^callbackReceiver: .*"${option}"`))
    expect(message).not.toContain(SECRET)
  })
})

describe('createHttpBotClient options', () => {
  it.each([
    ['url', { secret: SECRET }],
    ['url', { url: '/bots/1', secret: SECRET }],
    ['url', { url: 'ws://langbot.example/bots/1', secret: SECRET }],
    ['url', { url: `https://x:${SECRET}@langbot.example/bots/1`, secret: SECRET }],
    ['secret', { url: 'https://langbot.example/bots/1' }],
    ['fetch', { url: 'https://langbot.example/bots/1', secret: SECRET, fetch: {} }],
    ['now', { url: 'https://langbot.example/bots/1', secret: SECRET, now: 0 }],
    ['timeout', { url: 'https://langbot.example/bots/1', secret: SECRET, timeout: 5 }],
  ])('names option %s when it is wrong', (option, options) => {
    const message = thrown(() => createHttpBotClient(options as never))
    expect(message).toMatch(new RegExp(`^createHttpBotClient: .*"${option}"`))
    expect(message).not.toContain(SECRET)
  })
})

describe('createTurnAssembler options', () => {
  it.each([0, -1, 1.5, Number.NaN])('refuses maxTurns %s', (maxTurns) => {
    expect(thrown(() => createTurnAssembler({ maxTurns }))).toMatch(
      /^createTurnAssembler: .*"maxTurns"/,
    )
  })
})
