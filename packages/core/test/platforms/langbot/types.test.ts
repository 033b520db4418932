import { createWebhook } from '@chathooks/core'
import {
  type CallbackPayload,
  callbackReceiver,
  createHttpBotClient,
  httpBot,
  type MessagePayload,
  type PushData,
  type Segment,
  type SessionPayload,
  segments,
} from '@chathooks/core/langbot'
import { describe, expectTypeOf, it } from 'vitest'

const bot = () => createWebhook(httpBot({ inboundSecret: 's', callbackUrl: 'https://x.test/' }))

describe('langbot types', () => {
  it('types the message payload, its segments by type, and the turn helpers', () => {
    bot().on('message', ({ payload, reply, replyTo, pushes }) => {
      expectTypeOf(payload).toEqualTypeOf<MessagePayload>()
      expectTypeOf(payload.session_id).toBeString()
      expectTypeOf(payload.session_type).toEqualTypeOf<'person' | 'group'>()
      expectTypeOf(payload.sender?.name).toEqualTypeOf<string | undefined>()
      for (const segment of payload.message) {
        if (segment.type === 'Plain') expectTypeOf(segment.text).toBeString()
        if (segment.type === 'At') expectTypeOf(segment.target).toEqualTypeOf<string | number>()
        // @ts-expect-error only a Plain segment has text
        if (segment.type === 'Image') void segment.text
      }
      // @ts-expect-error a push has no user_id
      void payload.user_id
      expectTypeOf(replyTo).toBeString()
      expectTypeOf(pushes[0]?.acceptedMessageId).toEqualTypeOf<string | undefined>()
      expectTypeOf(reply).returns.toBeVoid()
      reply('text')
      reply([segments.plain('a'), segments.at('u-1')], { stream: true, final: false })
      // @ts-expect-error a reply is text or segments
      reply(42)
      // @ts-expect-error no such reply option
      reply('text', { quote: true })
      return 'the last part'
    })
  })

  it('accepts text or segments as a handler result and nothing else', () => {
    bot().on('message', () => [segments.image({ url: 'https://x.test/a.png' })])
    // @ts-expect-error a handler returns text or segments
    bot().on('message', () => ({ text: 'no' }))
  })

  it('types the reset event and the base payload', () => {
    bot()
      .on('reset', ({ payload }) => {
        expectTypeOf(payload).toEqualTypeOf<SessionPayload>()
      })
      .on('*', ({ payload }) => {
        expectTypeOf(payload.session_id).toBeString()
      })
  })

  it('types the callback receiver: a reply event, handlers return nothing', () => {
    createWebhook(callbackReceiver({ secret: 's' })).on('reply', ({ payload }) => {
      expectTypeOf(payload).toEqualTypeOf<CallbackPayload>()
      expectTypeOf(payload.message).toEqualTypeOf<readonly Segment[]>()
      expectTypeOf(payload.is_final).toBeBoolean()
    })
    // @ts-expect-error the receiver's answer is fixed
    createWebhook(callbackReceiver({ secret: 's' })).on('reply', () => 'ok')
  })

  it('types the client answers per call', () => {
    const client = createHttpBotClient({ url: 'https://x.test/bots/1', secret: 's' })
    expectTypeOf(client.push)
      .returns.resolves.toHaveProperty('data')
      .toEqualTypeOf<PushData | null>()
    expectTypeOf(client.reset).returns.resolves.toHaveProperty('status').toBeNumber()
  })
})
