import { execFile, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { type AnyWebhook, createWebhook } from '@chathooks/core'
import { clustaar } from '@chathooks/core/clustaar'
import { httpBot } from '@chathooks/core/langbot'
import { pararam } from '@chathooks/core/pararam'
import { reply, telegram } from '@chathooks/core/telegram'
import { request } from '@chathooks/core/testing'
import { viber } from '@chathooks/core/viber'
import { describe, expect, it, onTestFinished } from 'vitest'
import { chathooks, served } from './helpers.ts'

const fixture = (name: string) =>
  readFileSync(new URL(`fixtures/${name}.json`, import.meta.url), 'utf8')

/** Each platform's real preset, recording the text its handler got; fresh for every check. */
const PLATFORMS: Record<
  string,
  { secret: string; status: number; text: string; body: string; create(seen: string[]): AnyWebhook }
> = {
  telegram: {
    secret: 'tg-secret_token',
    status: 200,
    text: 'Olá, café ☕ é',
    body: '{"method":"sendMessage","chat_id":123456789,"text":"ok"}',
    create: (seen) =>
      createWebhook(telegram({ secretToken: 'tg-secret_token' })).on('message', ({ payload }) => {
        seen.push(payload.message.text ?? '')
        return reply.sendMessage({ chat_id: payload.message.chat.id, text: 'ok' })
      }),
  },
  viber: {
    secret: 'viber-auth-token',
    status: 200,
    text: '!weather Malé',
    body: '',
    create: (seen) =>
      createWebhook(viber({ authToken: 'viber-auth-token' })).on('message', ({ payload }) => {
        seen.push(payload.message.text ?? '')
      }),
  },
  pararam: {
    secret: 'urlkey-1-and-the-rest-of-the-secret',
    status: 200,
    text: 'Привет, бот 👋',
    body: '{"text":"ok"}',
    create: (seen) =>
      createWebhook(pararam({ secret: 'urlkey-1-and-the-rest-of-the-secret' })).on(
        'message',
        ({ payload }) => {
          seen.push(payload.text)
          return 'ok'
        },
      ),
  },
  clustaar: {
    secret: 'clustaar-private-key',
    status: 200,
    text: 'où est ma commande ?',
    body: '{"actions":[]}',
    create: (seen) =>
      createWebhook(clustaar({ privateKey: 'clustaar-private-key' })).on(
        'conversation.step_reached',
        ({ payload }) => {
          seen.push(payload.data.input?.text ?? '')
          return { actions: [] }
        },
      ),
  },
  langbot: {
    secret: 'langbot-inbound',
    status: 202,
    text: 'Экспорт снова падает — help',
    body: '"accepted"',
    create: (seen) => {
      // The handler sends no reply part, so nothing is posted to the callback URL.
      const webhook = createWebhook(
        httpBot({ inboundSecret: 'langbot-inbound', callbackUrl: 'http://127.0.0.1:9/' }),
      )
      return webhook.on('message', ({ payload }) => {
        seen.push(
          payload.message.map((segment) => (segment.type === 'Plain' ? segment.text : '')).join(''),
        )
      })
    },
  },
}

const HAS_CURL = spawnSync('curl', ['--version']).status === 0

describe('chathooks sign', () => {
  it.each(Object.keys(PLATFORMS))(
    'signs the exact bytes on stdin so that the %s preset accepts them, as headers and as a curl line',
    async (name) => {
      const platform = PLATFORMS[name]
      if (platform === undefined) throw new Error(name)
      const body = fixture(name)
      const curled: string[] = []
      const target = `${await served({ [`/${name}`]: track(platform.create(curled)) })}/${name}`
      const { code, stdout, stderr } = await chathooks(
        ['sign', name, '--secret', platform.secret, '--json', '--curl', '--url', target],
        { stdin: body },
      )
      expect(stderr).toBe('')
      expect(code).toBe(0)
      const signed = JSON.parse(stdout) as {
        headers: Record<string, string>
        path: string
        curl: string
      }

      const seen: string[] = []
      const webhook = track(platform.create(seen))
      const answer = await webhook.handle(
        request({
          url: signed.path,
          headers: { 'content-type': 'application/json', ...signed.headers },
          body,
        }),
      )
      expect(answer.status).toBe(platform.status)
      await expect.poll(() => seen).toEqual([platform.text])

      expect(signed.curl).toMatch(/^curl -sS -X POST '/)
      if (!HAS_CURL) return
      // Asynchronously: the server that answers runs in this very process.
      const { stdout: output } = await promisify(execFile)('sh', ['-c', signed.curl], {
        timeout: 10_000,
      })
      if (platform.body.startsWith('"')) expect(output).toContain(platform.body)
      else expect(output).toBe(platform.body)
      await expect.poll(() => curled).toEqual([platform.text])
    },
  )

  it('prints one header a line, and on stderr how long a timestamped signature holds', async () => {
    const { code, stdout, stderr } = await chathooks(
      ['sign', 'langbot', '--secret', 'langbot-inbound'],
      {
        stdin: fixture('langbot'),
      },
    )
    expect(code).toBe(0)
    expect(stdout).toMatch(/^x-lb-timestamp: \d+\nx-lb-signature: sha256=[0-9a-f]{64}\n$/)
    expect(stderr).toMatch(
      /^LangBot accepts this signature for 300 s, until \d{4}-\d\d-\d\dT[\d:.]+Z\n$/,
    )
  })

  it('takes the secret from CHATHOOKS_SECRET when --secret is not given', async () => {
    const given = await chathooks(['sign', 'viber', '--secret', 'from-env', '--json'], {
      stdin: '{}',
    })
    const fromEnv = await chathooks(['sign', 'viber', '--json'], {
      stdin: '{}',
      env: { CHATHOOKS_SECRET: 'from-env' },
    })
    expect(fromEnv.code).toBe(0)
    expect(JSON.parse(fromEnv.stdout).headers).toEqual(JSON.parse(given.stdout).headers)
  })

  it('signs an empty body too, and a body without a trailing newline as it is', async () => {
    const first = await chathooks(['sign', 'viber', '--secret', 'k', '--json'], { stdin: '{}' })
    const second = await chathooks(['sign', 'viber', '--secret', 'k', '--json'], { stdin: '{}\n' })
    const empty = await chathooks(['sign', 'viber', '--secret', 'k', '--json'], { stdin: '' })
    const signatures = [first, second, empty].map(
      ({ stdout }) =>
        (JSON.parse(stdout) as { headers: Record<string, string> }).headers[
          'x-viber-content-signature'
        ],
    )
    expect(new Set(signatures).size).toBe(3)
    for (const signature of signatures) expect(signature).toMatch(/^[0-9a-f]{64}$/)
  })
})

function track(webhook: AnyWebhook): AnyWebhook {
  onTestFinished(() => webhook.close())
  return webhook
}
