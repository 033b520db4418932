import { createWebhook } from '@chathooks/core'
import * as testing from '@chathooks/core/testing'
import { createViberClient, ViberApiError, viber } from '@chathooks/core/viber'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { entries } from '../../pipeline/driver.ts'
import { AUTH_TOKEN } from './helpers.ts'
import { deadBaseUrl, SENT, startViberApi } from './viber-api.ts'

const sender = { name: 'vakkarubutler', avatar: 'https://example.com/avatar.jpg' }
let api: Awaited<ReturnType<typeof startViberApi>>

beforeAll(async () => {
  api = await startViberApi()
})

afterAll(async () => {
  await api.close()
})

/** What a failed call rejected with. */
async function failure(call: Promise<unknown>): Promise<ViberApiError> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(ViberApiError)
  return error as ViberApiError
}

describe('createViberClient', () => {
  it('POSTs send_message as JSON with the token in X-Viber-Auth-Token and returns the token exactly', async () => {
    api.reset()
    const client = createViberClient({ authToken: AUTH_TOKEN, baseUrl: api.baseUrl })
    const result = await client.sendMessage({
      receiver: '01234567890A=',
      sender,
      text: 'Hello world!',
    })
    expect(result).toEqual({
      status: 0,
      status_message: 'ok',
      message_token: '5741311803571721087',
      chat_hostname: 'SN-CHAT-05_',
      billing_status: 1,
    })
    expect(api.received).toHaveLength(1)
    const [sent] = api.received
    expect(sent).toMatchObject({ method: 'POST', url: '/pa/send_message' })
    expect(sent?.headers['x-viber-auth-token']).toBe(AUTH_TOKEN)
    expect(sent?.headers['content-type']).toBe('application/json')
    expect(sent?.body).toBe(
      '{"receiver":"01234567890A=","sender":{"name":"vakkarubutler","avatar":"https://example.com/avatar.jpg"},"text":"Hello world!","type":"text"}',
    )
  })

  it('sends media messages with their fields and never the token in the body', async () => {
    api.reset()
    const client = createViberClient({ authToken: AUTH_TOKEN, baseUrl: `${api.baseUrl}/` })
    await client.sendMessage({
      receiver: 'u',
      sender,
      type: 'picture',
      text: 'Malé 🌴',
      media: 'https://example.com/a.jpg',
      tracking_data: 'gallery',
    })
    expect(api.received[0]?.url).toBe('/pa/send_message')
    expect(JSON.parse(api.received[0]?.body ?? '')).toEqual({
      receiver: 'u',
      sender,
      type: 'picture',
      text: 'Malé 🌴',
      media: 'https://example.com/a.jpg',
      tracking_data: 'gallery',
    })
    expect(api.received[0]?.body).not.toContain(AUTH_TOKEN)
  })

  it('keeps a string message_token, as Viber writes some answers, as it is', async () => {
    api.reset({
      status: 200,
      body: '{"status":0,"status_message":"ok","message_token":"1234567890"}',
    })
    const client = createViberClient({ authToken: AUTH_TOKEN, baseUrl: api.baseUrl })
    expect((await client.sendMessage({ receiver: 'u', sender, text: 'Hi' })).message_token).toBe(
      '1234567890',
    )
  })

  it.each([
    [6, 'receiverNotSubscribed'],
    [12, 'Too many requests'],
    [2, 'invalidAuthToken'],
  ])('rejects with viber_status for status %i (%s)', async (status, statusMessage) => {
    api.reset({
      status: 200,
      body: `{"status":${status},"status_message":"${statusMessage}","message_token":1234567890}`,
    })
    const client = createViberClient({ authToken: AUTH_TOKEN, baseUrl: api.baseUrl })
    const error = await failure(client.sendMessage({ receiver: 'u', sender, text: 'Hi' }))
    expect(error).toMatchObject({
      code: 'viber_status',
      endpoint: 'send_message',
      status,
      statusMessage,
      httpStatus: 200,
    })
    expect(error.message).toContain(`status ${status}`)
  })

  it('never repeats the token, even when Viber’s message echoes it', async () => {
    api.reset({ status: 200, body: `{"status":2,"status_message":"invalid token ${AUTH_TOKEN}"}` })
    const client = createViberClient({ authToken: AUTH_TOKEN, baseUrl: api.baseUrl })
    const error = await failure(client.sendMessage({ receiver: 'u', sender, text: 'Hi' }))
    expect(error.statusMessage).toBe('invalid token [auth token]')
    expect(`${error.message} ${error.stack}`).not.toContain(AUTH_TOKEN)
  })

  it.each([
    [
      'an HTML error page',
      { status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html' },
      502,
    ],
    ['JSON without a status', { status: 200, body: '{"ok":true}' }, 200],
    ['an empty body', { status: 200, body: '' }, 200],
    ['a JSON array', { status: 200, body: '[0]' }, 200],
    [
      'status 0 with HTTP 500',
      { status: 500, body: '{"status":0,"status_message":"ok","message_token":1}' },
      500,
    ],
  ])('rejects with invalid_response on %s', async (_, answer, httpStatus) => {
    api.reset(answer)
    const client = createViberClient({ authToken: AUTH_TOKEN, baseUrl: api.baseUrl })
    const error = await failure(client.sendMessage({ receiver: 'u', sender, text: 'Hi' }))
    expect(error).toMatchObject({ code: 'invalid_response', endpoint: 'send_message', httpStatus })
  })

  it('rejects with invalid_response when a sent message comes back without its token', async () => {
    api.reset({ status: 200, body: '{"status":0,"status_message":"ok"}' })
    const client = createViberClient({ authToken: AUTH_TOKEN, baseUrl: api.baseUrl })
    const error = await failure(client.sendMessage({ receiver: 'u', sender, text: 'Hi' }))
    expect(error.code).toBe('invalid_response')
  })

  it('rejects with network_error when nothing answers, keeping the cause and hiding the token', async () => {
    const client = createViberClient({ authToken: AUTH_TOKEN, baseUrl: await deadBaseUrl() })
    const error = await failure(client.sendMessage({ receiver: 'u', sender, text: 'Hi' }))
    expect(error).toMatchObject({
      code: 'network_error',
      endpoint: 'send_message',
      httpStatus: undefined,
    })
    expect(error.cause).toBeInstanceOf(Error)
    expect(`${error.message} ${error.stack}`).not.toContain(AUTH_TOKEN)
  })

  it.each([
    ['without a receiver', { sender, text: 'Hi' }, 'receiver'],
    [
      'with a sender name of 29 characters',
      { receiver: 'u', sender: { name: 'n'.repeat(29) }, text: 'Hi' },
      'sender.name',
    ],
    [
      'with tracking data of 4001 characters',
      { receiver: 'u', sender, text: 'Hi', tracking_data: 'x'.repeat(4001) },
      'tracking_data',
    ],
  ])('rejects a message %s with a TypeError and sends nothing', async (_, message, field) => {
    api.reset()
    const client = createViberClient({ authToken: AUTH_TOKEN, baseUrl: api.baseUrl })
    const sent = client.sendMessage(message as never)
    await expect(sent).rejects.toBeInstanceOf(TypeError)
    await expect(sent).rejects.toThrow(`field "${field}"`)
    expect(api.received).toHaveLength(0)
  })

  it('POSTs set_webhook with the URL and the events to send', async () => {
    api.reset({
      status: 200,
      body: '{"status":0,"status_message":"ok","chat_hostname":"SN-CHAT-05_","event_types":["subscribed","conversation_started"]}',
    })
    const client = createViberClient({ authToken: AUTH_TOKEN, baseUrl: api.baseUrl })
    const result = await client.setWebhook({
      url: 'https://bot.example.com/viber',
      event_types: ['subscribed', 'conversation_started'],
    })
    expect(result).toMatchObject({ status: 0, event_types: ['subscribed', 'conversation_started'] })
    expect(api.received[0]).toMatchObject({
      url: '/pa/set_webhook',
      body: '{"url":"https://bot.example.com/viber","event_types":["subscribed","conversation_started"]}',
    })
    expect(api.received[0]?.headers['x-viber-auth-token']).toBe(AUTH_TOKEN)
  })

  it('calls through the fetch it is given', async () => {
    api.reset()
    const urls: string[] = []
    const client = createViberClient({
      authToken: AUTH_TOKEN,
      baseUrl: api.baseUrl,
      fetch: (url, init) => {
        urls.push(url)
        return fetch(url, init)
      },
    })
    await client.sendMessage({ receiver: 'u', sender, text: 'Hi' })
    expect(urls).toEqual([`${api.baseUrl}/send_message`])
  })

  it('keeps the token out of what the client object shows', () => {
    const client = createViberClient({ authToken: AUTH_TOKEN, baseUrl: api.baseUrl })
    expect(JSON.stringify(client)).not.toContain(AUTH_TOKEN)
    expect(Object.values(client).every((value) => typeof value === 'function')).toBe(true)
  })
})

// aiohttp_viber's flow: a `subscribed` callback makes the bot send the new subscriber a welcome
// through send_message (conversation_started's in-answer welcome is not available there).
describe.each(entries)('the welcome-on-subscribed flow through %s', (_, send) => {
  function bot() {
    const client = createViberClient({ authToken: AUTH_TOKEN, baseUrl: api.baseUrl })
    return createWebhook(viber({ authToken: AUTH_TOKEN })).on('subscribed', async ({ payload }) => {
      await client.sendMessage({
        receiver: payload.user.id,
        sender,
        text: `Hello ${payload.user.name}!!`,
      })
    })
  }

  it('sends the subscriber a welcome through send_message and answers Viber exactly 200', async () => {
    api.reset()
    const user = { id: 'pttm25kSGUo1919sBORWyA==', name: 'Зоя' }
    const answer = await send(bot(), await testing.viber.subscribed({ secret: AUTH_TOKEN, user }))
    expect(answer).toMatchObject({ status: 200, text: '' })
    expect(api.received).toHaveLength(1)
    expect(api.received[0]?.headers['x-viber-auth-token']).toBe(AUTH_TOKEN)
    expect(JSON.parse(api.received[0]?.body ?? '')).toEqual({
      receiver: 'pttm25kSGUo1919sBORWyA==',
      sender,
      text: 'Hello Зоя!!',
      type: 'text',
    })
  })

  it('sends one welcome when Viber repeats the subscribed callback', async () => {
    api.reset()
    const webhook = bot()
    const messageToken = 4912661846655238145n
    await send(webhook, await testing.viber.subscribed({ secret: AUTH_TOKEN, messageToken }))
    expect(
      await send(webhook, await testing.viber.subscribed({ secret: AUTH_TOKEN, messageToken })),
    ).toMatchObject({ status: 200, text: '' })
    expect(api.received).toHaveLength(1)
  })

  it('answers 500 when send_message fails, so Viber retries and the welcome is sent then', async () => {
    api.reset({ status: 200, body: '{"status":10,"status_message":"webhookNotSet"}' })
    const onError = vi.fn()
    const webhook = bot().onError(onError)
    const messageToken = 4912661846655238146n
    expect(
      (await send(webhook, await testing.viber.subscribed({ secret: AUTH_TOKEN, messageToken })))
        .status,
    ).toBe(500)
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'viber_status', status: 10 })
    api.reset(SENT)
    expect(
      (await send(webhook, await testing.viber.subscribed({ secret: AUTH_TOKEN, messageToken })))
        .status,
    ).toBe(200)
    expect(api.received).toHaveLength(1)
  })
})
