import { createWebhook } from '@chathooks/core'
import { extractUrlKey, makeSignature, pararam } from '@chathooks/core/pararam'
import { pararam as build, toRequest } from '@chathooks/core/testing'
import { describe, expect, it } from 'vitest'

const secret = 'Nw2cF6hT-testing-builders-secret-9a8b7c6d5e4f3a2b1c0d9e8f'
const decode = (body: Uint8Array) => new TextDecoder().decode(body)

describe('testing.pararam builders', () => {
  it('exports one builder per event and nothing else', () => {
    expect(Object.keys(build).sort()).toEqual(['action', 'message'])
  })

  it('builds a message as pararam sends it: every field, the URL key, the signature', async () => {
    const delivery = await build.message({ secret, text: 'Привет', chatId: 4, postNo: 8 })
    expect(delivery).toMatchObject({ method: 'POST', url: `/${extractUrlKey(secret)}` })
    expect(JSON.parse(decode(delivery.body))).toEqual({
      user_id: 2716,
      user_unique_name: 'ana',
      chat_id: 4,
      post_no: 8,
      text: 'Привет',
      organization_id: null,
      text_parsed: null,
      reply_no: null,
      reply_text: null,
      file_guid: null,
      file_name: null,
      attachments: null,
    })
    expect(delivery.headers['x-signature']).toBe(await makeSignature(delivery.body, secret))
    expect(delivery.headers['content-type']).toBe('application/json')
  })

  it('builds an action on /act with its name and parameters', async () => {
    const delivery = await build.action({ secret, action: 'vote', params: { option: '2' } })
    expect(delivery.url).toBe(`/${extractUrlKey(secret)}/act`)
    expect(JSON.parse(decode(delivery.body))).toMatchObject({
      action: 'vote',
      params: { option: '2' },
    })
  })

  it('signs in Base64 when asked', async () => {
    const delivery = await build.message({ secret, signatureEncoding: 'base64' })
    expect(delivery.headers['x-signature']).toBe(
      await makeSignature(delivery.body, secret, { encoding: 'base64' }),
    )
  })

  it('draws a fresh post number for each delivery unless one is given', async () => {
    const numbers = new Set<number>()
    for (let i = 0; i < 5; i++) {
      numbers.add(JSON.parse(decode((await build.message({ secret })).body)).post_no)
    }
    expect(numbers.size).toBe(5)
    const given = await build.action({ secret, postNo: 12 })
    expect(JSON.parse(decode(given.body)).post_no).toBe(12)
  })

  it('percent-encodes a URL key that is not URL-safe, and the webhook still routes it', async () => {
    const odd = 'a b?c#%/é-rest-of-the-secret'.replace('/', '_')
    const delivery = await build.message({ secret: odd })
    expect(delivery.url).toBe(`/${encodeURIComponent(extractUrlKey(odd))}`)
    const response = await createWebhook(pararam({ secret: odd })).fetch(toRequest(delivery))
    expect(response.status).toBe(200)
  })

  it.each([
    ['tamper', { tamper: true }, 401],
    ['unsigned', { unsigned: true }, 401],
    ['a wrong urlKey', { urlKey: 'not-mine' }, 404],
  ])('makes a delivery the webhook refuses with %s', async (_, options, status) => {
    const webhook = createWebhook(pararam({ secret }))
    expect((await webhook.handle(await build.message({ secret, ...options }))).status).toBe(status)
    expect((await webhook.handle(await build.action({ secret, ...options }))).status).toBe(status)
  })
})
