import { createWebhook, type Platform, type WebhookRequest } from '@chathooks/core'
import {
  createViberClient,
  type SendMessageResult,
  type ViberConversationStartedPayload,
  type ViberEvents,
  type ViberMessage,
  type ViberPayload,
  type ViberUser,
  viber,
  type WelcomeMessage,
  welcome,
} from '@chathooks/core/viber'
import { describe, expectTypeOf, it } from 'vitest'
import { AUTH_TOKEN } from './helpers.ts'

const sender = { name: 'Bot' }

describe('viber public types', () => {
  it('is a Platform of the Viber events whose reply is a welcome message', () => {
    expectTypeOf(viber({ authToken: AUTH_TOKEN })).toEqualTypeOf<
      Platform<ViberEvents, WelcomeMessage>
    >()
  })

  it('types each handler’s payload from its event name', () => {
    createWebhook(viber({ authToken: AUTH_TOKEN }))
      .on('message', (event) => {
        expectTypeOf(event.name).toEqualTypeOf<'message'>()
        expectTypeOf(event.payload.message.text).toEqualTypeOf<string | undefined>()
        expectTypeOf(event.payload.message_token).toEqualTypeOf<string>()
        expectTypeOf(event.payload.sender).toEqualTypeOf<ViberUser>()
        expectTypeOf(event.request).toEqualTypeOf<WebhookRequest>()
        // @ts-expect-error a message callback has a sender, not a user
        event.payload.user.id
      })
      .on('subscribed', ({ payload }) => {
        expectTypeOf(payload.user.id).toEqualTypeOf<string>()
        expectTypeOf(payload.message_token).toEqualTypeOf<string | undefined>()
        // @ts-expect-error a subscription has no message
        payload.message.text
      })
      .on('unsubscribed', ({ payload }) => {
        expectTypeOf(payload.user_id).toEqualTypeOf<string>()
      })
      .on('conversation_started', ({ payload }) => {
        expectTypeOf(payload).toEqualTypeOf<ViberConversationStartedPayload>()
        expectTypeOf(payload.context).toEqualTypeOf<string | undefined>()
        expectTypeOf(payload.subscribed).toEqualTypeOf<boolean | undefined>()
      })
      .on('failed', ({ payload }) => {
        expectTypeOf(payload.desc).toEqualTypeOf<string>()
      })
      .on(['delivered', 'seen'], (event) => {
        expectTypeOf(event.name).toEqualTypeOf<'delivered' | 'seen'>()
        expectTypeOf(event.payload.user_id).toEqualTypeOf<string>()
      })
      .on('webhook', ({ payload }) => {
        expectTypeOf(payload.event).toEqualTypeOf<'webhook'>()
      })
      .on('*', (event) => {
        expectTypeOf(event.name).toEqualTypeOf<string>()
        expectTypeOf(event.payload).toEqualTypeOf<ViberPayload>()
      })
  })

  it('refuses event names Viber does not send', () => {
    const webhook = createWebhook(viber({ authToken: AUTH_TOKEN }))
    // @ts-expect-error not a Viber event
    webhook.on('update', () => undefined)
  })

  it('lets a handler return a welcome message and nothing else', () => {
    const webhook = createWebhook(viber({ authToken: AUTH_TOKEN }))
    webhook.on('conversation_started', () => welcome({ sender, text: 'Hi' }))
    webhook.on('conversation_started', () => undefined)
    // @ts-expect-error a hand-written body is not a welcome message
    webhook.on('conversation_started', () => ({ sender, type: 'text', text: 'Hi' }))
    // @ts-expect-error nor is a string
    webhook.on('message', () => 'ok')
  })

  it('types a welcome message by its type', () => {
    expectTypeOf(welcome).parameter(0).toEqualTypeOf<ViberMessage>()
    expectTypeOf(welcome).toBeCallableWith({
      sender,
      type: 'picture',
      text: '',
      media: 'https://e.x/a.jpg',
    })
    expectTypeOf(welcome).toBeCallableWith({
      sender,
      type: 'location',
      location: { lat: 1, lon: 2 },
    })
    // @ts-expect-error a picture needs its media
    expectTypeOf(welcome).toBeCallableWith({ sender, type: 'picture', text: '' })
    // @ts-expect-error a welcome message needs a sender
    expectTypeOf(welcome).toBeCallableWith({ text: 'Hi' })
    // @ts-expect-error no such message type
    expectTypeOf(welcome).toBeCallableWith({ sender, type: 'poll', text: 'Hi' })
  })

  it('types the client’s calls and answers', () => {
    const { sendMessage, setWebhook } = createViberClient({ authToken: AUTH_TOKEN })
    expectTypeOf(sendMessage).returns.resolves.toEqualTypeOf<SendMessageResult>()
    expectTypeOf<SendMessageResult['message_token']>().toEqualTypeOf<string>()
    expectTypeOf(sendMessage).toBeCallableWith({ receiver: 'u', sender, text: 'Hi' })
    // @ts-expect-error sending needs a receiver
    expectTypeOf(sendMessage).toBeCallableWith({ sender, text: 'Hi' })
    expectTypeOf(setWebhook).toBeCallableWith({ url: 'https://e.x', event_types: ['seen'] })
    // @ts-expect-error set_webhook does not know this event
    expectTypeOf(setWebhook).toBeCallableWith({ url: 'https://e.x', event_types: ['message'] })
  })
})
