import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createWebhook } from '@chathooks/core'
import { type CallbackPayload, callbackReceiver } from '@chathooks/core/langbot'
import { afterAll, describe, expect, it, onTestFinished } from 'vitest'
import { chathooks, served, start } from './helpers.ts'

const work = mkdtempSync(join(tmpdir(), 'chathooks-cli-send-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

interface Sent {
  readonly status: number
  readonly headers: Record<string, string>
  readonly body: string
  readonly url: string
}

async function sendJson(args: readonly string[]): Promise<Sent> {
  const { code, stdout, stderr } = await chathooks([...args, '--json'])
  expect(stderr).toBe('')
  expect(code).toBe(0)
  return JSON.parse(stdout) as Sent
}

function data(fields: Record<string, unknown>): string {
  const path = join(work, `${crypto.randomUUID()}.json`)
  writeFileSync(path, JSON.stringify(fields))
  return path
}

/** A stand-in for Viber's REST API on 127.0.0.1: records each call, answers like Viber. */
async function viberApi() {
  const calls: { path: string; token: string | undefined; body: unknown }[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8').on('data', (chunk: string) => {
      body += chunk
    })
    req.on('end', () => {
      calls.push({
        path: req.url ?? '',
        token: req.headers['x-viber-auth-token'] as string,
        body: JSON.parse(body),
      })
      res.setHeader('content-type', 'application/json')
      res.end('{"status":0,"status_message":"ok","message_token":5741311803571721088}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/pa`, calls }
}

describe('chathooks send to chathooks serve', () => {
  it('gets the Telegram echo bot to answer a message with a sendMessage, and a forgery 401', async () => {
    const bot = await start([
      'serve',
      'telegram',
      '--secret',
      'tg-secret_1',
      '--port',
      '0',
      '--json',
    ])
    const args = ['send', 'telegram', 'message', '--url', bot.url, '--secret', 'tg-secret_1']
    const echo = await sendJson([...args, '--data', data({ text: 'Olá ☕', chatId: 42 })])
    expect(echo.status).toBe(200)
    expect(echo.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(JSON.parse(echo.body)).toEqual({
      method: 'sendMessage',
      chat_id: 42,
      text: 'You said: Olá ☕',
    })
    const forged = await sendJson([...args, '--tamper'])
    expect(forged.status).toBe(401)
    expect(JSON.parse(forged.body)).toMatchObject({ error: 'signature_invalid' })
    expect(await bot.waitFor((line) => line.includes('"status":401'))).toBe(
      '{"status":401,"refused":"signature_invalid"}',
    )
  })

  it('gets the Viber echo bot to welcome, echo through send_message, and refuse a forgery', async () => {
    const api = await viberApi()
    const bot = await start([
      'serve',
      'viber',
      '--secret',
      'vb-token',
      '--port',
      '0',
      '--api-url',
      api.url,
      '--json',
    ])
    const args = (event: string) => [
      'send',
      'viber',
      event,
      '--url',
      bot.url,
      '--secret',
      'vb-token',
    ]
    const welcome = await sendJson(args('conversation_started'))
    expect(welcome.status).toBe(200)
    expect(JSON.parse(welcome.body)).toMatchObject({
      type: 'text',
      text: 'Hi John McClane! Say something.',
    })
    const message = await sendJson([...args('message'), '--data', data({ text: '!weather Malé' })])
    expect(message).toMatchObject({ status: 200, body: '' })
    expect(api.calls).toEqual([
      {
        path: '/pa/send_message',
        token: 'vb-token',
        body: expect.objectContaining({
          receiver: '01234567890A=',
          text: 'You said: !weather Malé',
        }),
      },
    ])
    expect((await sendJson([...args('message'), '--tamper'])).status).toBe(401)
  })

  it('gets the pararam bot to answer a post and a link click, below the URL key', async () => {
    const bot = await start([
      'serve',
      'pararam',
      '--secret',
      'k3y-of-8-and-more',
      '--port',
      '0',
      '--json',
    ])
    const args = (event: string) => [
      'send',
      'pararam',
      event,
      '--url',
      bot.url,
      '--secret',
      'k3y-of-8-and-more',
    ]
    const post = await sendJson(args('message'))
    expect(post.url).toBe(`${bot.url}/k3y-of-8`)
    expect(JSON.parse(post.body)).toEqual({ text: '@ana said: hello, bot' })
    const click = await sendJson([
      ...args('action'),
      '--data',
      data({ action: 'vote', params: { option: '2' } }),
    ])
    expect(click.url).toBe(`${bot.url}/k3y-of-8/act`)
    expect(JSON.parse(click.body)).toEqual({ text: 'Action vote with option=2' })
    expect((await sendJson([...args('message'), '--tamper'])).status).toBe(401)
  })

  it('gets the Clustaar bot to route by step, and refuses a forged or expired call', async () => {
    const bot = await start(['serve', 'clustaar', '--secret', 'cl-key', '--port', '0', '--json'])
    const args = [
      'send',
      'clustaar',
      'conversation.step_reached',
      '--url',
      bot.url,
      '--secret',
      'cl-key',
    ]
    const order = await sendJson(args)
    expect(JSON.parse(order.body).actions.map((action: { type: string }) => action.type)).toEqual([
      'send_text_action',
      'store_session_value_action',
    ])
    const other = await sendJson([...args, '--data', data({ stepId: 'other', text: 'hi' })])
    expect(JSON.parse(other.body)).toMatchObject({
      actions: [{ type: 'send_text_action', alternatives: ['You said: hi'] }],
    })
    expect((await sendJson([...args, '--tamper'])).status).toBe(401)
    const expired = await sendJson([...args, '--age', '60'])
    expect(expired.status).toBe(401)
    expect(JSON.parse(expired.body)).toMatchObject({ error: 'timestamp_out_of_window' })
  })

  it('gets the LangBot bot to accept a push and call back three parts, and refuse a forgery', async () => {
    const parts: CallbackPayload[] = []
    const receiver = createWebhook(callbackReceiver({ secret: 'lb-out' })).on(
      'reply',
      ({ payload }) => {
        parts.push(payload)
      },
    )
    const callbackUrl = await served(receiver)
    const bot = await start([
      'serve',
      'langbot',
      '--secret',
      'lb-in',
      '--outbound-secret',
      'lb-out',
      '--callback-url',
      callbackUrl,
      '--port',
      '0',
      '--json',
    ])
    const args = ['send', 'langbot', 'push', '--url', bot.url, '--secret', 'lb-in']
    const push = await sendJson([...args, '--data', data({ text: 'Export fails' })])
    expect(push.status).toBe(202)
    const { accepted_message_id: id } = JSON.parse(push.body).data
    await bot.waitFor((line) => line.includes('3 reply parts'))
    await expect.poll(() => parts.length).toBe(3)
    expect(
      parts.map((part) => [part.reply_to, part.sequence, part.is_final, part.message]),
    ).toEqual([
      [id, 1, false, [{ type: 'Plain', text: 'Looking into it…' }]],
      [id, 2, false, [{ type: 'Plain', text: 'You wrote: Export fails' }]],
      [id, 3, true, [{ type: 'Plain', text: 'Ticket ticket-10293: fixed, try again now.' }]],
    ])
    expect((await sendJson([...args, '--tamper'])).status).toBe(401)
  })

  it('prints the status, the headers and the exact body for people', async () => {
    const bot = await start(['serve', 'pararam', '--secret', 'k3y-of-8-and-more', '--port', '0'])
    const { code, stdout } = await chathooks([
      'send',
      'pararam',
      'message',
      '--url',
      bot.url,
      '--secret',
      'k3y-of-8-and-more',
    ])
    expect(code).toBe(0)
    const [request, status, ...rest] = stdout.split('\n')
    expect(request).toBe(`POST ${bot.url}/k3y-of-8  (pararam message)`)
    expect(status).toMatch(/^200 OK {2}\d+\.\d ms$/)
    expect(rest).toContain('content-type: application/json; charset=utf-8')
    expect(rest.slice(-3)).toEqual(['', '{"text":"@ana said: hello, bot"}', ''])
    expect(await bot.waitFor((line) => line.startsWith('message'))).toBe(
      'message  reply post "@ana said: hello, bot"',
    )
  })

  it('stops serve on SIGTERM with exit code 0', async () => {
    const bot = await start(['serve', 'telegram', '--secret', 'tg-secret', '--port', '0'])
    expect(bot.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(await bot.stop()).toBe(0)
  })
})
