import { createWebhook } from '@chathooks/core'
import * as testing from '@chathooks/core/testing'
import { type ViberMessage, viber, type WelcomeMessage, welcome } from '@chathooks/core/viber'
import { describe, expect, it, vi } from 'vitest'
import { entries } from '../../pipeline/driver.ts'
import { AUTH_TOKEN } from './helpers.ts'

const sender = { name: 'Weather bot', avatar: 'https://example.com/avatar.jpg' }
const started = (messageToken?: string) =>
  testing.viber.conversationStarted({
    secret: AUTH_TOKEN,
    ...(messageToken === undefined ? {} : { messageToken }),
  })

describe('welcome()', () => {
  it.each<[string, ViberMessage]>([
    ['text, the default type', { sender, text: 'Hi!' }],
    [
      'text with every common field',
      {
        sender,
        type: 'text',
        text: 'Choose',
        tracking_data: 'step-1',
        min_api_version: 7,
        keyboard: {
          Type: 'keyboard',
          Buttons: [{ ActionType: 'reply', ActionBody: 'a', Text: 'A' }],
        },
      },
    ],
    [
      'a picture',
      {
        sender,
        type: 'picture',
        text: '',
        media: 'https://example.com/a.jpg',
        thumbnail: 'https://example.com/t.jpg',
      },
    ],
    [
      'a video',
      { sender, type: 'video', media: 'https://example.com/a.mp4', size: 10_000, duration: 10 },
    ],
    [
      'a file',
      {
        sender,
        type: 'file',
        media: 'https://example.com/a.pdf',
        size: 10_000,
        file_name: 'a.pdf',
      },
    ],
    [
      'a contact',
      { sender, type: 'contact', contact: { name: 'Itamar', phone_number: '+972511123123' } },
    ],
    ['a location', { sender, type: 'location', location: { lat: 4.1755, lon: 73.5093 } }],
    ['a URL', { sender, type: 'url', media: 'https://example.com' }],
    ['a sticker', { sender, type: 'sticker', sticker_id: 46105 }],
    [
      'rich media',
      {
        sender,
        type: 'rich_media',
        rich_media: { Type: 'rich_media', Buttons: [] },
        alt_text: 'cards',
      },
    ],
  ])('builds %s as a send_message body without receiver', (_, message) => {
    expect(welcome(message).message).toEqual({ type: 'text', ...message })
  })

  it('copies the caller’s object and freezes what it returns', () => {
    const input = { sender: { name: 'Bot' }, text: 'Hi' }
    const built = welcome(input)
    expect(input).toEqual({ sender: { name: 'Bot' }, text: 'Hi' })
    expect(Object.isFrozen(built) && Object.isFrozen(built.message)).toBe(true)
  })

  it.each([
    [
      'a sender name of 28 emoji, 56 UTF-16 units',
      { sender: { name: '🌤'.repeat(28) }, text: 'Hi' },
    ],
    ['tracking data of 4000 characters', { sender, text: 'Hi', tracking_data: 'ж'.repeat(4000) }],
    ['tracking data of 4000 emoji', { sender, text: 'Hi', tracking_data: '👋'.repeat(4000) }],
    ['empty tracking data', { sender, text: 'Hi', tracking_data: '' }],
  ])('accepts %s', (_, message) => {
    expect(() => welcome(message as ViberMessage)).not.toThrow()
  })

  it.each([
    ['no sender', { text: 'Hi' }, 'sender'],
    ['an empty sender name', { sender: { name: '' }, text: 'Hi' }, 'sender.name'],
    [
      'a sender name of 29 characters',
      { sender: { name: 'n'.repeat(29) }, text: 'Hi' },
      'sender.name',
    ],
    [
      'a sender avatar that is no string',
      { sender: { name: 'Bot', avatar: 1 }, text: 'Hi' },
      'sender.avatar',
    ],
    [
      'tracking data of 4001 characters',
      { sender, text: 'Hi', tracking_data: 't'.repeat(4001) },
      'tracking_data',
    ],
    [
      'tracking data that is an object',
      { sender, text: 'Hi', tracking_data: { step: 1 } },
      'tracking_data',
    ],
    ['an unknown type', { sender, type: 'poll', text: 'Hi' }, 'type'],
    ['a text message without text', { sender }, 'text'],
    ['an empty text', { sender, text: '' }, 'text'],
    ['a picture without media', { sender, type: 'picture', text: '' }, 'media'],
    ['a video without its size', { sender, type: 'video', media: 'https://e.x/v.mp4' }, 'size'],
    [
      'a file without a name',
      { sender, type: 'file', media: 'https://e.x/f', size: 1 },
      'file_name',
    ],
    [
      'a contact without a phone number',
      { sender, type: 'contact', contact: { name: 'A' } },
      'contact.phone_number',
    ],
    [
      'a location without a longitude',
      { sender, type: 'location', location: { lat: 1 } },
      'location.lon',
    ],
    [
      'a sticker id that is no number',
      { sender, type: 'sticker', sticker_id: '46105' },
      'sticker_id',
    ],
    [
      'rich media that is no object',
      { sender, type: 'rich_media', rich_media: '[]' },
      'rich_media',
    ],
    ['a min_api_version of 0', { sender, text: 'Hi', min_api_version: 0 }, 'min_api_version'],
    ['a keyboard that is no object', { sender, text: 'Hi', keyboard: 'none' }, 'keyboard'],
  ])('throws a TypeError on %s, naming the field', (_, message, field) => {
    const build = () => welcome(message as unknown as ViberMessage)
    expect(build).toThrow(TypeError)
    expect(build).toThrow(`welcome: field "${field}"`)
  })
})

describe.each(entries)('the welcome message through %s', (_, send) => {
  it('answers conversation_started with the welcome message as JSON', async () => {
    const webhook = createWebhook(viber({ authToken: AUTH_TOKEN })).on(
      'conversation_started',
      ({ payload }) =>
        welcome({ sender, text: `Hi ${payload.user.name}!`, tracking_data: 'welcome' }),
    )
    const answer = await send(webhook, await started())
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(answer.json).toEqual({
      sender,
      type: 'text',
      text: 'Hi John McClane!',
      tracking_data: 'welcome',
    })
  })

  it.each([
    ['webhook', testing.viber.webhook],
    ['subscribed', testing.viber.subscribed],
    ['message', testing.viber.message],
    ['delivered', testing.viber.delivered],
    ['failed', testing.viber.failed],
  ])(
    'drops a welcome returned for %s and answers exactly 200 with no body',
    async (name, sample) => {
      const webhook = createWebhook(viber({ authToken: AUTH_TOKEN })).on(name as 'message', () =>
        welcome({ sender, text: 'not here' }),
      )
      expect(await send(webhook, await sample({ secret: AUTH_TOKEN }))).toMatchObject({
        status: 200,
        text: '',
      })
    },
  )

  it('shares no reply between requests: a welcome never reaches the next answer', async () => {
    let greet = true
    const webhook = createWebhook(viber({ authToken: AUTH_TOKEN }))
      .on('conversation_started', ({ payload }) =>
        greet ? welcome({ sender, text: `Hi ${payload.user.name}` }) : undefined,
      )
      .on('message', () => undefined)
    const first = await send(webhook, await started())
    expect(first.json).toMatchObject({ text: 'Hi John McClane' })
    expect(await send(webhook, await testing.viber.message({ secret: AUTH_TOKEN }))).toMatchObject({
      status: 200,
      text: '',
    })
    greet = false
    expect(await send(webhook, await started())).toMatchObject({ status: 200, text: '' })
  })

  it('answers two conversations in a row each with its own welcome', async () => {
    const webhook = createWebhook(viber({ authToken: AUTH_TOKEN })).on(
      'conversation_started',
      ({ payload }) => welcome({ sender, text: `Hi ${payload.user.name}` }),
    )
    const user = (name: string) => ({ id: `${name}=`, name })
    const [first, second] = await Promise.all([
      send(
        webhook,
        await testing.viber.conversationStarted({ secret: AUTH_TOKEN, user: user('Ana') }),
      ),
      send(
        webhook,
        await testing.viber.conversationStarted({ secret: AUTH_TOKEN, user: user('Bo') }),
      ),
    ])
    expect([first?.json, second?.json]).toEqual([
      { sender, type: 'text', text: 'Hi Ana' },
      { sender, type: 'text', text: 'Hi Bo' },
    ])
  })

  it('answers a repeated conversation_started with exactly 200 and does not run the handler again', async () => {
    const handler = vi.fn(() => welcome({ sender, text: 'Hi' }))
    const webhook = createWebhook(viber({ authToken: AUTH_TOKEN })).on(
      'conversation_started',
      handler,
    )
    expect((await send(webhook, await started('4912661846655238145'))).json).toMatchObject({
      text: 'Hi',
    })
    expect(await send(webhook, await started('4912661846655238145'))).toMatchObject({
      status: 200,
      text: '',
    })
    expect(handler).toHaveBeenCalledOnce()
  })

  it('answers 500 and reports it when a conversation_started handler returns something welcome() did not make', async () => {
    const onError = vi.fn()
    const webhook = createWebhook(viber({ authToken: AUTH_TOKEN }))
      .on(
        'conversation_started',
        () => ({ sender, text: 'hand-written' }) as unknown as WelcomeMessage,
      )
      .onError(onError)
    expect((await send(webhook, await started())).status).toBe(500)
    expect(onError).toHaveBeenCalledOnce()
    expect(onError.mock.calls[0]?.[0]).toEqual(
      new TypeError('viber: a conversation_started handler must return welcome(...) or nothing'),
    )
  })

  it('answers 500 and reports the TypeError when the handler builds an invalid welcome', async () => {
    const onError = vi.fn()
    const webhook = createWebhook(viber({ authToken: AUTH_TOKEN }))
      .on('conversation_started', () => welcome({ sender: { name: 'n'.repeat(40) }, text: 'Hi' }))
      .onError(onError)
    expect((await send(webhook, await started())).status).toBe(500)
    expect(onError).toHaveBeenCalledWith(
      expect.any(TypeError),
      expect.objectContaining({ name: 'conversation_started' }),
    )
  })

  it('still welcomes under ack-first, which acknowledges every other event at once', async () => {
    let release = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const messages = vi.fn()
    const webhook = createWebhook(viber({ authToken: AUTH_TOKEN }), { respond: 'ack-first' })
      .on('conversation_started', () => welcome({ sender, text: 'Hi' }))
      .on('message', async () => {
        await gate
        messages()
      })
    expect((await send(webhook, await started())).json).toEqual({
      sender,
      type: 'text',
      text: 'Hi',
    })
    expect(await send(webhook, await testing.viber.message({ secret: AUTH_TOKEN }))).toMatchObject({
      status: 200,
      text: '',
    })
    expect(messages).not.toHaveBeenCalled()
    release()
    await webhook.close()
    expect(messages).toHaveBeenCalledOnce()
  })
})
