import { execFile, spawnSync } from 'node:child_process'
import { promisify } from 'node:util'
import { createWebhook } from '@chathooks/core'
import { telegram } from '@chathooks/core/telegram'
import { describe, expect, it } from 'vitest'
import { BIN, chathooks, served } from './helpers.ts'

const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0

const secret = 'load-check-secret'

/** A Telegram webhook whose handler fails every fifth update it is given. */
function flaky() {
  let calls = 0
  const webhook = createWebhook(telegram({ secretToken: secret }))
    .on('message', () => {
      calls++
      if (calls % 5 === 0) throw new Error('every fifth update fails')
    })
    .onError(() => {})
  return { webhook, calls: () => calls }
}

const args = (url: string, ...more: string[]) => [
  'send',
  'telegram',
  'message',
  '--url',
  url,
  '--secret',
  secret,
  '--repeat',
  '20',
  '--concurrency',
  '4',
  ...more,
]

describe('chathooks send --repeat', () => {
  it('sends every request, fresh ones, and sums up statuses and latencies in --json', async () => {
    const target = flaky()
    const { code, stdout, stderr } = await chathooks(args(await served(target.webhook), '--json'))
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const summary = JSON.parse(stdout)
    expect(target.calls()).toBe(20)
    expect(summary).toMatchObject({
      requests: 20,
      concurrency: 4,
      ok: 16,
      errors: { 500: 4 },
      results: { 200: 16, 500: 4 },
    })
    const { min, p50, p90, p99, max } = summary.latencyMs
    expect([min, p50, p90, p99, max]).toEqual([...[min, p50, p90, p99, max]].sort((a, b) => a - b))
    expect(min).toBeGreaterThan(0)
    expect(summary.perSecond).toBeGreaterThan(0)
  })

  it('prints p50, p99 and the errors by status for people, without a progress bar off a terminal', async () => {
    const target = flaky()
    const { code, stdout, stderr } = await chathooks(args(await served(target.webhook)))
    expect(code).toBe(0)
    expect(stderr).toBe('')
    const lines = stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^20 requests, concurrency 4, in [\d.]+ ms \([\d.]+\/s\)$/)
    expect(lines[1]).toBe('16 ok (2xx), 4 errors')
    expect(lines[2]).toMatch(
      /^latency ms: min [\d.]+ {2}p50 [\d.]+ {2}p90 [\d.]+ {2}p99 [\d.]+ {2}max [\d.]+ {2}mean [\d.]+$/,
    )
    expect(lines[3]).toBe('errors by status: 500 × 4')
  })

  it.skipIf(!HAS_SCRIPT)('draws a progress bar on a terminal, then clears it', async () => {
    const url = await served(flaky().webhook)
    const command = [process.execPath, BIN, ...args(url)].map((word) => `'${word}'`).join(' ')
    const { stdout } = await promisify(execFile)('script', ['-qec', command, '/dev/null'], {
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 20_000,
    })
    expect(stdout).toMatch(/\r\[#{30}\] 20\/20/)
    expect(stdout).toMatch(/\r {38}\r20 requests, concurrency 4/)
  })
})
