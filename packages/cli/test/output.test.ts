import { execFile, spawnSync } from 'node:child_process'
import { promisify } from 'node:util'
import { createWebhook } from '@chathooks/core'
import { pararam } from '@chathooks/core/pararam'
import { describe, expect, it } from 'vitest'
import { ANSI, BIN, chathooks, served } from './helpers.ts'

const secret = 'colorkey-and-more'
const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0

async function target(): Promise<string> {
  const webhook = createWebhook(pararam({ secret })).on('message', () => 'ok')
  return `${await served({ '/pararam': webhook })}/pararam`
}

/** A successful send and an error, with the environment given. */
async function both(env: Record<string, string>) {
  const sent = await chathooks(
    ['send', 'pararam', 'message', '--url', await target(), '--secret', secret],
    { env },
  )
  const failed = await chathooks(
    ['send', 'slack', 'message', '--url', 'http://127.0.0.1:9', '--secret', 's'],
    { env },
  )
  expect(sent.code).toBe(0)
  expect(failed.code).toBe(2)
  return `${sent.stdout}${failed.stderr}`
}

describe('chathooks output', () => {
  it('has no colour codes when stdout and stderr are not terminals', async () => {
    expect(await both({})).not.toMatch(ANSI)
  })

  it('has colour where FORCE_COLOR asks for it', async () => {
    const output = await both({ FORCE_COLOR: '1' })
    expect(output).toContain('\u001b[32m200 OK\u001b[39m')
    expect(output).toContain('\u001b[31merror:\u001b[39m unknown platform "slack"')
  })

  it.each([['1'], ['true']])('has none with NO_COLOR=%s, even with FORCE_COLOR', async (value) => {
    expect(await both({ FORCE_COLOR: '1', NO_COLOR: value })).not.toMatch(ANSI)
  })

  it('never colours --json', async () => {
    const { stdout } = await chathooks(
      ['send', 'pararam', 'message', '--url', await target(), '--secret', secret, '--json'],
      { env: { FORCE_COLOR: '1' } },
    )
    expect(stdout).not.toMatch(ANSI)
    expect(JSON.parse(stdout)).toMatchObject({ status: 200, body: '{"text":"ok"}' })
  })

  it.skipIf(!HAS_SCRIPT)('colours a terminal, and not with NO_COLOR', async () => {
    const onTerminal = (env: Record<string, string>) =>
      promisify(execFile)('script', ['-qec', `"${process.execPath}" "${BIN}" demo`, '/dev/null'], {
        env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env },
        timeout: 20_000,
      })
    expect((await onTerminal({})).stdout).toContain('\u001b[1mplatform\u001b[22m')
    expect((await onTerminal({ NO_COLOR: '1' })).stdout).not.toMatch(ANSI)
  })
})
