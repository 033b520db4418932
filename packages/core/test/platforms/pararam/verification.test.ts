import { createWebhook, type WebhookRequest } from '@chathooks/core'
import { extractUrlKey, type PararamOptions, pararam } from '@chathooks/core/pararam'
import { pararam as build, request, sign } from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { entries } from '../../pipeline/driver.ts'

const secret = 'Qm7vX2pL-verification-test-secret-5d8e1f0a9b3c7e2d4f6a8b'
const key = extractUrlKey(secret)

/** A fresh webhook whose every handler run is recorded. */
function hook(options: PararamOptions = { secret }) {
  const ran = vi.fn((_name: string) => undefined)
  const webhook = createWebhook(pararam(options)).on('*', ({ name }) => ran(name))
  return { webhook, ran }
}

const signed = async (url: string, body: string, signingSecret = secret): Promise<WebhookRequest> =>
  request({ url, body, headers: { 'x-signature': await sign(body, { secret: signingSecret }) } })

const body =
  '{"user_id":1,"chat_id":2,"post_no":3,"organization_id":null,"action":"ok","params":{}}'

describe.each(entries)('pararam verification through %s', (_, send) => {
  it.each([
    ['message', ''],
    ['action', '/act'],
  ])('routes a signed %s on its own path', async (event, route) => {
    const { webhook, ran } = hook()
    const delivery =
      event === 'message' ? await build.message({ secret }) : await build.action({ secret })
    expect(delivery.url).toBe(`/${key}${route}`)
    expect(await send(webhook, delivery)).toMatchObject({ status: 200, json: {} })
    expect(ran).toHaveBeenCalledWith(event)
  })

  it.each([
    ['a wrong key', () => build.message({ secret, urlKey: 'wrongKey' })],
    ['a wrong key on /act', () => build.action({ secret, urlKey: 'wrongKey' })],
    [
      'a wrong key and a bad signature',
      () => build.message({ secret, urlKey: 'wrongKey', tamper: true }),
    ],
    [
      'a wrong key and no signature',
      () => build.action({ secret, urlKey: 'wrongKey', unsigned: true }),
    ],
    ['the key one character short', () => build.message({ secret, urlKey: key.slice(0, -1) })],
    ['the key in another case', () => build.message({ secret, urlKey: key.toUpperCase() })],
    ['the whole secret as the key', () => build.message({ secret, urlKey: secret })],
  ])('answers %s with 404, exactly as a path that does not exist', async (_, make) => {
    const { webhook, ran } = hook()
    const wrong = await send(webhook, await make())
    const unknown = await send(webhook, await signed(`/${key}/act/unknown`, body))
    expect(wrong).toMatchObject({ status: 404, json: { error: 'not_found' } })
    expect([wrong.status, wrong.headers, wrong.text]).toEqual([
      unknown.status,
      unknown.headers,
      unknown.text,
    ])
    expect(wrong.text).not.toContain(key)
    expect(ran).not.toHaveBeenCalled()
  })

  it.each([
    ['a missing X-Signature', () => build.message({ secret, unsigned: true }), 'signature_missing'],
    [
      'a missing X-Signature on /act',
      () => build.action({ secret, unsigned: true }),
      'signature_missing',
    ],
    ['a tampered body', () => build.message({ secret, tamper: true }), 'signature_invalid'],
    ['a tampered action', () => build.action({ secret, tamper: true }), 'signature_invalid'],
    [
      'a body signed with another secret',
      () => signed(`/${key}`, body, `${secret}x`),
      'signature_invalid',
    ],
    [
      'a Base64 signature',
      () => build.message({ secret, signatureEncoding: 'base64' }),
      'signature_invalid',
    ],
  ])('refuses %s with 401 and runs no handler', async (_, make, code) => {
    const { webhook, ran } = hook()
    expect(await send(webhook, await make())).toMatchObject({ status: 401, json: { error: code } })
    expect(ran).not.toHaveBeenCalled()
  })

  it('accepts a hex signature in upper case', async () => {
    const { webhook, ran } = hook()
    const delivery = await build.message({ secret })
    const upper = String(delivery.headers['x-signature']).toUpperCase()
    const answer = await send(webhook, {
      ...delivery,
      headers: { ...delivery.headers, 'x-signature': upper },
    })
    expect(answer.status).toBe(200)
    expect(ran).toHaveBeenCalledOnce()
  })

  it('refuses a signature that covers the re-serialized body instead of the bytes sent', async () => {
    const { webhook } = hook()
    const pretty =
      '{\n  "user_id": 1, "chat_id": 2, "post_no": 3, "text": "é", "user_unique_name": "a"\n}\n'
    const forged = await signed(`/${key}`, JSON.stringify(JSON.parse(pretty)))
    const answer = await send(webhook, { ...forged, body: new TextEncoder().encode(pretty) })
    expect(answer).toMatchObject({ status: 401, json: { error: 'signature_invalid' } })
  })

  describe('with signatureEncoding: base64', () => {
    const options = { secret, signatureEncoding: 'base64' } as const

    it('accepts a Base64 signature', async () => {
      const { webhook, ran } = hook(options)
      const delivery = await build.action({ secret, signatureEncoding: 'base64' })
      expect((await send(webhook, delivery)).status).toBe(200)
      expect(ran).toHaveBeenCalledWith('action')
    })

    it.each([
      ['a hex signature', () => build.message({ secret })],
      [
        'a tampered body',
        () => build.message({ secret, signatureEncoding: 'base64', tamper: true }),
      ],
      [
        'no signature',
        () => build.message({ secret, signatureEncoding: 'base64', unsigned: true }),
      ],
    ])('still refuses %s with 401', async (_, make) => {
      expect((await send(hook(options).webhook, await make())).status).toBe(401)
    })

    it('still answers a wrong key with 404 before the signature', async () => {
      const delivery = await build.message({ secret, urlKey: 'wrongKey', unsigned: true })
      expect((await send(hook(options).webhook, delivery)).status).toBe(404)
    })
  })

  describe('with a list of secrets, while one is regenerated', () => {
    const next = 'Zt4wR8nK-the-regenerated-secret-1a2b3c4d5e6f7a8b9c0d1e2f3a'

    it.each([
      ['the old key signed with the old secret', secret, secret],
      ['the old key signed with the new secret', secret, next],
      ['the new key signed with the new secret', next, next],
    ])('accepts %s', async (_, keyOf, signer) => {
      const { webhook, ran } = hook({ secret: [next, secret] })
      const delivery = await build.message({ secret: signer, urlKey: extractUrlKey(keyOf) })
      expect((await send(webhook, delivery)).status).toBe(200)
      expect(ran).toHaveBeenCalledOnce()
    })

    it('refuses a key and a signature of a secret that is not listed', async () => {
      const { webhook } = hook({ secret: [next, secret] })
      const stranger = 'Hh3kJ9sD-a-secret-nobody-listed-0f1e2d3c4b5a69788796a5b4c'
      expect((await send(webhook, await build.message({ secret: stranger }))).status).toBe(404)
      const foreign = await build.message({ secret: stranger, urlKey: key })
      expect((await send(webhook, foreign)).status).toBe(401)
    })
  })

  it.each([
    ['a path below the key', `/${key}/other`],
    ['a path below /act', `/${key}/act/more`],
    ['the root path', '/'],
  ])('answers %s with 404', async (_, url) => {
    const { webhook, ran } = hook()
    expect((await send(webhook, await signed(url, body))).status).toBe(404)
    expect(ran).not.toHaveBeenCalled()
  })

  it('answers a GET on the key with 405 and Allow: POST', async () => {
    const { webhook } = hook()
    const answer = await send(webhook, request({ method: 'GET', url: `/${key}` }))
    expect(answer).toMatchObject({ status: 405, headers: { allow: 'POST' } })
  })

  it('answers a body over maxBodyBytes with 413 before anything else', async () => {
    const webhook = createWebhook(pararam({ secret }), { maxBodyBytes: 64 })
    const answer = await send(webhook, await build.message({ secret, text: 'x'.repeat(100) }))
    expect(answer).toMatchObject({ status: 413, json: { error: 'body_too_large' } })
  })

  it('answers a signed body that is not JSON with 400 invalid_json', async () => {
    const answer = await send(hook().webhook, await signed(`/${key}`, 'user_id=1&chat_id=2'))
    expect(answer).toMatchObject({ status: 400, json: { error: 'invalid_json' } })
  })

  it.each([
    [
      'a message without text',
      `/${key}`,
      '{"user_id":1,"user_unique_name":"a","chat_id":2,"post_no":3}',
      'text',
    ],
    [
      'a chat_id that is a string',
      `/${key}`,
      '{"user_id":1,"user_unique_name":"a","chat_id":"2","post_no":3,"text":""}',
      'chat_id',
    ],
    [
      'an action without a name',
      `/${key}/act`,
      '{"user_id":1,"chat_id":2,"post_no":3,"params":{}}',
      'action',
    ],
    [
      'an action with a numeric parameter',
      `/${key}/act`,
      '{"user_id":1,"chat_id":2,"post_no":3,"action":"a","params":{"n":7}}',
      'params.n',
    ],
    [
      'a post_no beyond 2^53',
      `/${key}`,
      '{"user_id":1,"user_unique_name":"a","chat_id":2,"post_no":9007199254740993,"text":""}',
      'post_no',
    ],
  ])('answers %s with 400 invalid_payload naming the path', async (_, url, text, path) => {
    const { webhook, ran } = hook()
    const answer = await send(webhook, await signed(url, text))
    expect(answer).toMatchObject({ status: 400, json: { error: 'invalid_payload' } })
    expect(answer.json).toMatchObject({ issues: [expect.objectContaining({ path })] })
    expect(ran).not.toHaveBeenCalled()
  })

  it('does not let a "__proto__" field reach any object prototype', async () => {
    const seen: unknown[] = []
    const webhook = createWebhook(pararam({ secret })).on('message', ({ payload }) => {
      seen.push(payload)
    })
    const hostile =
      '{"user_id":1,"user_unique_name":"a","chat_id":2,"post_no":3,"text":"x","__proto__":{"polluted":true}}'
    expect((await send(webhook, await signed(`/${key}`, hostile))).status).toBe(200)
    expect(seen).toHaveLength(1)
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
  })

  it('cannot be configured to skip the signature', async () => {
    const variants = [{ secret }, { secret, signatureEncoding: undefined }, { secret: [secret] }]
    for (const options of variants as PararamOptions[]) {
      const delivery = await build.message({ secret, unsigned: true })
      expect((await send(hook(options).webhook, delivery)).status).toBe(401)
    }
  })
})
