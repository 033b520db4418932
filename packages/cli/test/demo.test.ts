import { exec } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ANSI, chathooks } from './helpers.ts'

const PLATFORMS = ['telegram', 'viber', 'pararam', 'clustaar', 'langbot']
const root = new URL('../../..', import.meta.url)

interface DemoJson {
  ok: boolean
  server: string
  rows: { platform: string; event: string; status: number; ok: boolean }[]
  callbacks: { sequence: number; is_final: boolean }[]
}

describe('chathooks demo', () => {
  it('exits 0 with every row as expected, for all five platforms, in a table', async () => {
    const { code, stdout, stderr } = await chathooks(['demo'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).not.toMatch(ANSI)
    const lines = stdout.split('\n')
    expect(lines[0]).toMatch(
      /^One Hono app on http:\/\/127\.0\.0\.1:\d+: \/telegram \/viber \/pararam \/clustaar \/langbot$/,
    )
    expect(lines[2]).toMatch(/^platform {2}event +status {2}what the handler did +ms$/)
    const rows = lines.slice(3, lines.indexOf('', 3))
    expect(new Set(rows.map((row) => row.split(' ')[0]))).toEqual(new Set(PLATFORMS))
    for (const row of rows) expect(row).toMatch(/ {2}ok$/)
    for (const spoiled of ['tampered', 'duplicate']) {
      expect(rows.filter((row) => row.includes(spoiled))).toHaveLength(5)
    }
    expect(stdout).toMatch(
      /^ {2}#3 {2}ticket-10293 {2}in_[0-9a-f]{32} {2}"Ticket ticket-10293: fixed, try again now\." {2}final$/m,
    )
    expect(stdout).toMatch(
      new RegExp(
        `^${rows.length} of ${rows.length} rows as expected, 3 callbacks in order, in [\\d.]+ s$`,
        'm',
      ),
    )
  })

  it('gives the same report as JSON with --json', async () => {
    const { code, stdout } = await chathooks(['demo', '--json'])
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as DemoJson
    expect(report.ok).toBe(true)
    expect(report.rows.every((row) => row.ok)).toBe(true)
    expect(new Set(report.rows.map((row) => row.platform))).toEqual(new Set(PLATFORMS))
    const statuses = report.rows.map((row) => `${row.platform} ${row.event} ${row.status}`)
    expect(statuses).toEqual(
      expect.arrayContaining([
        'telegram tampered 401',
        'viber replayed message 200',
        'pararam wrong URL key 404',
        'clustaar expired (signed 60 s ago) 401',
        'langbot push 202',
        'langbot duplicate push 409',
      ]),
    )
    expect(report.callbacks.map((part) => [part.sequence, part.is_final])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ])
  })

  it('runs from the sources, as the root `pnpm demo` script does', async () => {
    const { scripts } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'))
    expect(scripts.demo).toMatch(/^tsx --conditions=@chathooks\/source /)
    const { stdout } = await promisify(exec)(`npx --no-install ${scripts.demo}`, {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 60_000,
    })
    expect(stdout).toMatch(/^\d+ of \d+ rows as expected, 3 callbacks in order/m)
  })
})
