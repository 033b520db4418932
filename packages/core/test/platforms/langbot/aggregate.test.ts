import { langbot } from '@chathooks/core/testing'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { entries } from '../../pipeline/driver.ts'
import { bot, gate, SECRET, textOf } from './harness.ts'

// The window is a timer: fake ones make "within the window" exact instead of a race.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})
afterEach(() => {
  vi.useRealTimers()
})

/** A bot end with a 1 s window that records every turn its handler sees. */
function aggregating() {
  const { webhook } = bot({ callbackUrl: 'http://127.0.0.1:9/', aggregateMs: 1_000 })
  const turns: { text: string; replyTo: string; ids: string[]; sessionId: string }[] = []
  webhook.on('message', ({ payload, replyTo, pushes }) => {
    turns.push({
      text: textOf(payload),
      replyTo,
      ids: pushes.map((push) => push.acceptedMessageId),
      sessionId: payload.session_id,
    })
  })
  return { webhook, turns }
}

const idOf = (answer: { json: unknown }) =>
  (answer.json as { data: { accepted_message_id: string } }).data.accepted_message_id

describe.each(entries)('N→1 aggregation through %s', (_, send) => {
  it('merges pushes within the window into one turn answering the first of them', async () => {
    const { webhook, turns } = aggregating()
    const answers = []
    for (const text of ['The app crashed', 'when I click export', 'here is a screenshot']) {
      answers.push(await send(webhook, await langbot.push({ secret: SECRET, text })))
      await vi.advanceTimersByTimeAsync(999)
    }
    expect(turns).toEqual([])
    for (const answer of answers) {
      expect(answer).toMatchObject({ status: 202, json: { data: { aggregating: true } } })
    }
    await vi.advanceTimersByTimeAsync(1)
    await webhook.close()
    const ids = answers.map(idOf)
    expect(turns).toEqual([
      {
        text: 'The app crashed\nwhen I click export\nhere is a screenshot',
        replyTo: ids[0],
        ids,
        sessionId: 'ticket-10293',
      },
    ])
  })

  it('starts a new turn for a push after the window closed', async () => {
    const { webhook, turns } = aggregating()
    await send(webhook, await langbot.push({ secret: SECRET, text: 'one' }))
    await vi.advanceTimersByTimeAsync(1_000)
    await send(webhook, await langbot.push({ secret: SECRET, text: 'two' }))
    await vi.advanceTimersByTimeAsync(1_000)
    await webhook.close()
    expect(turns.map((turn) => turn.text)).toEqual(['one', 'two'])
  })

  it('flushes a window at ten pushes without waiting', async () => {
    const { webhook, turns } = aggregating()
    for (let index = 1; index <= 10; index++) {
      await send(webhook, await langbot.push({ secret: SECRET, text: `m${index}` }))
    }
    await vi.advanceTimersByTimeAsync(0)
    expect(turns).toHaveLength(1)
    expect(turns[0]?.ids).toHaveLength(10)
    await webhook.close()
  })

  it('keeps the windows of two sessions apart: a push restarts only its own', async () => {
    const { webhook, turns } = aggregating()
    const texts = () => turns.map((turn) => [turn.sessionId, turn.text])
    await send(webhook, await langbot.push({ secret: SECRET, text: 'a1', sessionId: 'a' }))
    await send(webhook, await langbot.push({ secret: SECRET, text: 'b1', sessionId: 'b' }))
    await vi.advanceTimersByTimeAsync(900)
    await send(webhook, await langbot.push({ secret: SECRET, text: 'a2', sessionId: 'a' }))
    await vi.advanceTimersByTimeAsync(100)
    expect(texts()).toEqual([['b', 'b1']])
    await vi.advanceTimersByTimeAsync(900)
    expect(texts()).toEqual([
      ['b', 'b1'],
      ['a', 'a1\na2'],
    ])
    await webhook.close()
  })

  it('runs a waiting window before a sync, which is never merged', async () => {
    const { webhook } = bot({ callbackUrl: 'http://127.0.0.1:9/', aggregateMs: 1_000 })
    const seen: string[] = []
    webhook.on('message', ({ payload }) => {
      seen.push(textOf(payload))
      return `re: ${textOf(payload)}`
    })
    await send(webhook, await langbot.push({ secret: SECRET, text: 'pushed' }))
    const sync = await send(webhook, await langbot.sync({ secret: SECRET, text: 'synced' }))
    expect(sync.json).toMatchObject({ data: { message: [{ type: 'Plain', text: 're: synced' }] } })
    expect(seen).toEqual(['pushed', 'synced'])
    await vi.advanceTimersByTimeAsync(100)
  })

  it('lets a window fill while the previous turn of the session runs', async () => {
    const { webhook } = bot({ callbackUrl: 'http://127.0.0.1:9/', aggregateMs: 1_000 })
    const held = gate()
    const seen: string[] = []
    webhook.on('message', async ({ payload }) => {
      seen.push(textOf(payload))
      if (seen.length === 1) await held.promise
    })
    await send(webhook, await langbot.push({ secret: SECRET, text: 'first' }))
    await vi.advanceTimersByTimeAsync(1_000)
    await send(webhook, await langbot.push({ secret: SECRET, text: 'second' }))
    await send(webhook, await langbot.push({ secret: SECRET, text: 'third' }))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(seen).toEqual(['first'])
    held.open()
    await webhook.close()
    expect(seen).toEqual(['first', 'second\nthird'])
  })
})
