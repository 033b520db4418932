import { langbot, toRequest } from '@chathooks/core/testing'
import { describe, expect, it } from 'vitest'
import { jsonLines, start } from './helpers.ts'

const secret = 'lb-outbound-secret'

async function post(url: string, part: Awaited<ReturnType<typeof langbot.callback>>) {
  return (await fetch(toRequest(part, url))).status
}

describe('chathooks listen', () => {
  it('verifies each reply part, prints it as it arrives, and drops a repeat', async () => {
    const receiver = await start(['listen', '--secret', secret, '--port', '0'])
    expect(receiver.lines[0]).toBe(
      `listening for LangBot callbacks on ${receiver.url} (Ctrl-C stops)`,
    )
    const first = await langbot.callback({
      secret,
      replyTo: 'in_1',
      sequence: 1,
      isFinal: false,
      text: 'Looking into it…',
    })
    const last = await langbot.callback({ secret, replyTo: 'in_1', sequence: 2, text: 'Fixed.' })
    expect(await post(receiver.url, first)).toBe(200)
    expect(await post(receiver.url, first)).toBe(200)
    expect(await post(receiver.url, last)).toBe(200)
    await receiver.waitFor((line) => line.startsWith('#2'))
    expect(receiver.lines.slice(1)).toEqual([
      '#1  ticket-10293  in_1  "Looking into it…"',
      '#2  ticket-10293  in_1  "Fixed."  final',
    ])
  })

  it('refuses a forged or expired part with 401 and says so', async () => {
    const receiver = await start(['listen', '--secret', secret, '--port', '0'])
    expect(await post(receiver.url, await langbot.callback({ secret, tamper: true }))).toBe(401)
    expect(await post(receiver.url, await langbot.callback({ secret, age: 301 }))).toBe(401)
    expect(await post(receiver.url, await langbot.callback({ secret: 'another' }))).toBe(401)
    await receiver.waitFor(() => receiver.lines.length === 4)
    expect(receiver.lines.slice(1)).toEqual([
      'refused 401 signature_invalid',
      'refused 401 timestamp_out_of_window',
      'refused 401 signature_invalid',
    ])
  })

  it('prints one JSON object a line with --json', async () => {
    const receiver = await start(['listen', '--secret', secret, '--port', '0', '--json'])
    const part = await langbot.callback({ secret, replyTo: 'in_2', text: 'Привет' })
    expect(await post(receiver.url, part)).toBe(200)
    expect(await post(receiver.url, await langbot.callback({ secret, unsigned: true }))).toBe(401)
    await receiver.waitFor((line) => line.includes('refused'))
    expect(jsonLines(receiver.lines.join('\n'))).toEqual([
      { listening: receiver.url },
      {
        part: expect.objectContaining({
          session_id: 'ticket-10293',
          reply_to: 'in_2',
          sequence: 1,
          is_final: true,
          message: [{ type: 'Plain', text: 'Привет' }],
        }),
      },
      { refused: { status: 401, reason: 'signature_missing' } },
    ])
  })
})
