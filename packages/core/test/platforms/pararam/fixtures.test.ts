import { readFile } from 'node:fs/promises'
import { createWebhook } from '@chathooks/core'
import {
  extractUrlKey,
  makeSignature,
  type PararamOptions,
  pararam,
  verifySignature,
} from '@chathooks/core/pararam'
import { request } from '@chathooks/core/testing'
import { describe, expect, it } from 'vitest'
import { entries } from '../../pipeline/driver.ts'

// Each fixture's .hex and .base64 files were written by
// `openssl dgst -sha256 -hmac "$(cat secret.txt)" -hex|-binary < FILE`, not by chathooks.
const read = (name: string) => readFile(new URL(`../../fixtures/pararam/${name}`, import.meta.url))
const text = async (name: string) => (await read(name)).toString('utf8')
const secret = await text('secret.txt')

const fixtures = [
  ['message.json', '', 'message'],
  ['message-pretty.json', '', 'message'],
  ['action.json', '/act', 'action'],
] as const

async function delivery(file: string, route: string, encoding: 'hex' | 'base64') {
  const body = new Uint8Array(await read(file))
  const signature = await text(`${file}.${encoding}`)
  const url = `/${encodeURIComponent(extractUrlKey(secret))}${route}`
  return { body, signature, request: request({ url, body, headers: { 'X-Signature': signature } }) }
}

describe.each(entries)('pararam fixtures through %s', (_, send) => {
  it.each(fixtures)('accepts %s with its openssl hex signature', async (file, route, event) => {
    const seen: unknown[] = []
    const webhook = createWebhook(pararam({ secret })).on('*', ({ name, payload }) => {
      seen.push([name, payload])
    })
    const answer = await send(webhook, (await delivery(file, route, 'hex')).request)
    expect(answer).toMatchObject({ status: 200, json: {} })
    expect(seen).toEqual([[event, expect.objectContaining(JSON.parse(await text(file)))]])
  })

  it.each(fixtures)('accepts %s with its openssl Base64 signature', async (file, route) => {
    const options: PararamOptions = { secret, signatureEncoding: 'base64' }
    const answer = await send(
      createWebhook(pararam(options)),
      (await delivery(file, route, 'base64')).request,
    )
    expect(answer.status).toBe(200)
  })

  it('hands the pretty-printed fixture over with its Cyrillic, emoji and unknown field intact', async () => {
    const seen: unknown[] = []
    const webhook = createWebhook(pararam({ secret })).on('message', ({ payload }) => {
      seen.push(payload)
    })
    await send(webhook, (await delivery('message-pretty.json', '', 'hex')).request)
    expect(seen).toEqual([
      expect.objectContaining({
        user_unique_name: 'ана',
        text: 'Привет, бот! 👋 Как дела? é',
        file_name: 'отчёт.pdf',
        thread_title: 'поддержка 🛟',
      }),
    ])
  })

  it('refuses the pretty-printed fixture once re-serialized, as its signature covers the file', async () => {
    const { request: signed } = await delivery('message-pretty.json', '', 'hex')
    const compact = new TextEncoder().encode(
      JSON.stringify(JSON.parse(await text('message-pretty.json'))),
    )
    const answer = await send(createWebhook(pararam({ secret })), { ...signed, body: compact })
    expect(answer).toMatchObject({ status: 401, json: { error: 'signature_invalid' } })
  })
})

describe('the signature helpers on the fixtures', () => {
  it('keeps the pretty-printed fixture non-ASCII, pretty and ending in a newline', async () => {
    const raw = await text('message-pretty.json')
    expect(raw.endsWith('}\n')).toBe(true)
    expect(raw).toContain('\n  "')
    expect([...raw].some((char) => char.charCodeAt(0) > 0x7f)).toBe(true)
  })

  it.each(fixtures)("makeSignature gives openssl's signatures of %s", async (file) => {
    const { body } = await delivery(file, '', 'hex')
    expect(await makeSignature(body, secret)).toBe(await text(`${file}.hex`))
    expect(await makeSignature(body, secret, { encoding: 'base64' })).toBe(
      await text(`${file}.base64`),
    )
  })

  it.each(fixtures)("verifySignature accepts openssl's signature of %s", async (file) => {
    const { body, signature } = await delivery(file, '', 'hex')
    expect(await verifySignature(body, signature, secret)).toBe(true)
    expect(await verifySignature(body.subarray(1), signature, secret)).toBe(false)
  })
})
