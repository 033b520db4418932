import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, onTestFinished } from 'vitest'
import { chathooks, closedPort, STACK } from './helpers.ts'

const work = mkdtempSync(join(tmpdir(), 'chathooks-cli-errors-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function file(name: string, text: string): string {
  const path = join(work, name)
  writeFileSync(path, text)
  return path
}

const URL = 'http://127.0.0.1:9'
const send = (...args: string[]) => ['send', 'telegram', 'message', '--url', URL, ...args]

describe('chathooks errors', () => {
  it.each([
    [
      'an unknown platform',
      ['send', 'slack', 'message', '--url', URL, '--secret', 's'],
      /unknown platform "slack"; platforms: telegram, viber, pararam, clustaar, langbot/,
    ],
    [
      'an unknown platform for sign',
      ['sign', 'slack', '--secret', 's'],
      /unknown platform "slack"; platforms: telegram, viber/,
    ],
    [
      'an unknown platform for serve',
      ['serve', 'slack', '--secret', 's'],
      /unknown platform "slack"/,
    ],
    [
      'an unknown event, listing the valid ones',
      ['send', 'viber', 'hello', '--url', URL, '--secret', 's'],
      /unknown viber event "hello"; events: message, conversationStarted, subscribed, unsubscribed, webhook, delivered, seen, failed/,
    ],
    ['a missing secret for send', send(), /required option '--secret <secret>' not specified/],
    [
      'a missing secret for sign',
      ['sign', 'viber'],
      /required option '--secret <secret>' not specified/,
    ],
    [
      'a missing secret for listen',
      ['listen'],
      /required option '--secret <secret>' not specified/,
    ],
    [
      'a missing secret for serve',
      ['serve', 'viber'],
      /required option '--secret <secret>' not specified/,
    ],
    [
      'an empty secret',
      send('--secret', ''),
      /option '--secret <secret>' argument '' is invalid\. the secret must not be empty/,
    ],
    [
      'a secret the preset refuses',
      ['serve', 'telegram', '--secret', 'not a token!', '--port', '0'],
      /telegram: option "secretToken"/,
    ],
    [
      'a URL that is not http',
      send('--secret', 's', '--url', 'ftp://example.test'),
      /--url must be an http:\/\/ or https:\/\/ URL, got "ftp:\/\/example.test"/,
    ],
    [
      'a data file that does not exist',
      send('--secret', 's', '--data', '/nonexistent/data.json'),
      /cannot read data file \/nonexistent\/data\.json: ENOENT/,
    ],
    [
      'a data file that is not JSON',
      send('--secret', 's', '--data', file('broken.json', '{"text": hi}')),
      /data file .*broken\.json is not JSON: /,
    ],
    [
      'a data file that is not an object',
      send('--secret', 's', '--data', file('list.json', '["hi"]')),
      /must hold a JSON object of event fields/,
    ],
    [
      'a data field the builders do not take',
      send('--secret', 's', '--data', file('typo.json', '{"txet": "hi"}')),
      /telegram samples take no field "txet"; fields: updateId, botToken/,
    ],
    [
      'a repeat count that is not a number',
      send('--secret', 's', '--repeat', 'many'),
      /option '--repeat <n>' argument 'many' is invalid/,
    ],
    [
      'serve langbot without a callback URL',
      ['serve', 'langbot', '--secret', 's', '--port', '0'],
      /serve langbot needs --callback-url/,
    ],
    [
      'sign --curl without --url',
      ['sign', 'viber', '--secret', 's', '--curl'],
      /--curl needs --url/,
    ],
    ['an unknown command', ['sned'], /unknown command 'sned'/],
  ])('reports %s on stderr, with exit code 2 and no stack', async (_, args, message) => {
    const { code, stdout, stderr } = await chathooks(args)
    expect(stderr).toMatch(message)
    expect(stderr).not.toMatch(STACK)
    expect(stdout).toBe('')
    expect(code).toBe(2)
  })

  it('reports a URL nobody answers on, naming it, with exit code 2', async () => {
    const port = await closedPort()
    const url = `http://127.0.0.1:${port}`
    const { code, stdout, stderr } = await chathooks([...send('--secret', 's'), '--url', url])
    expect(stderr).toBe(`error: cannot reach ${url}: ECONNREFUSED\n`)
    expect(stdout).toBe('')
    expect(code).toBe(2)
  })

  it('reports the same when every request of a load check finds nobody', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`
    const { code, stderr } = await chathooks([
      ...send('--secret', 's'),
      '--url',
      url,
      '--repeat',
      '3',
    ])
    expect(stderr).toBe(`error: cannot reach ${url}: ECONNREFUSED\n`)
    expect(code).toBe(2)
  })

  it('reports a port that is taken, with exit code 2', async () => {
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    onTestFinished(() => new Promise<void>((resolve) => taken.close(() => resolve())))
    const { port } = taken.address() as AddressInfo
    const { code, stderr } = await chathooks(['listen', '--secret', 's', '--port', String(port)])
    expect(stderr).toBe(`error: cannot listen on 127.0.0.1:${port}: EADDRINUSE\n`)
    expect(code).toBe(2)
  })

  it('never prints the secret in an error', async () => {
    const secret = 'super-secret-value'
    const { stderr } = await chathooks([
      'serve',
      'langbot',
      '--secret',
      secret,
      '--callback-url',
      'nope',
    ])
    expect(stderr).toMatch(/--callback-url must be an http/)
    expect(stderr).not.toContain(secret)
  })
})
