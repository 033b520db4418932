import { createWebhook, type Platform } from '@chathooks/core'
import {
  type PararamAction,
  type PararamBase,
  type PararamEvents,
  type PararamMessage,
  type PararamPlatform,
  type PararamReply,
  pararam,
  reply,
} from '@chathooks/core/pararam'
import { describe, expectTypeOf, it } from 'vitest'

const webhook = createWebhook(pararam({ secret: 'Tp9yG4aS-types-test-secret' }))

describe('pararam types', () => {
  it('types a message handler payload as a message', () => {
    webhook.on('message', (event) => {
      expectTypeOf(event.name).toEqualTypeOf<'message'>()
      expectTypeOf(event.payload).toEqualTypeOf<PararamMessage>()
      expectTypeOf(event.payload.text).toEqualTypeOf<string>()
      expectTypeOf(event.payload.reply_no).toEqualTypeOf<number | null>()
      expectTypeOf(event.payload.attachments).toEqualTypeOf<readonly string[] | null>()
      // @ts-expect-error a message has no action
      void event.payload.action
      // @ts-expect-error and no misspelled fields
      void event.payload.txt
    })
  })

  it('types an action handler payload as an action', () => {
    webhook.on('action', ({ payload }) => {
      expectTypeOf(payload).toEqualTypeOf<PararamAction>()
      expectTypeOf(payload.params).toEqualTypeOf<Readonly<Record<string, string>>>()
      // @ts-expect-error an action has no text
      void payload.text
    })
  })

  it('types a handler for both events as their union, and * as the shared fields', () => {
    webhook.on(['message', 'action'], ({ payload }) => {
      expectTypeOf(payload).toEqualTypeOf<PararamMessage | PararamAction>()
      expectTypeOf(payload.chat_id).toEqualTypeOf<number>()
    })
    webhook.on('*', ({ payload }) => {
      expectTypeOf(payload).toEqualTypeOf<PararamBase>()
      expectTypeOf(payload.organization_id).toEqualTypeOf<number | null>()
    })
  })

  it('accepts a string, reply.text or a JSON object as a reply, and nothing else', () => {
    expectTypeOf(reply.text('hi')).toExtend<PararamReply>()
    webhook.on('message', () => 'hi')
    webhook.on('message', () => reply.text('hi'))
    webhook.on('message', () => ({ text: 'hi', reply_no: 3 }))
    webhook.on('message', () => undefined)
    // @ts-expect-error a number is no reply
    webhook.on('message', () => 42)
  })

  it('returns a Platform of the pararam events and replies', () => {
    expectTypeOf(pararam).returns.toEqualTypeOf<PararamPlatform>()
    expectTypeOf<PararamPlatform>().toEqualTypeOf<Platform<PararamEvents, PararamReply>>()
  })

  it('refuses options of the wrong shape at compile time', () => {
    // Never called: these lines exist for the type checker.
    const wrong = () => [
      // @ts-expect-error the secret is required
      pararam({}),
      // @ts-expect-error the encoding is hex or base64
      pararam({ secret: 's', signatureEncoding: 'utf8' }),
    ]
    expectTypeOf(wrong).toBeFunction()
  })
})
