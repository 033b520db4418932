import {
  createWebhook,
  type Filter,
  generic,
  JSONKeyEquals,
  not,
  type Platform,
  type WebhookEvent,
  type WebhookRequest,
} from '@chathooks/core'
import { request } from '@chathooks/core/testing'
import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { verify } from './pipeline/driver.ts'

interface Base {
  readonly id: number
}
interface Msg extends Base {
  readonly kind: 'message'
  readonly text: string
}
interface Edit extends Base {
  readonly kind: 'edited'
  readonly previous: string
}
interface Reply {
  readonly say: string
}
interface Helpers {
  readonly say: (text: string) => Reply
}
type Events = { '*': Base; message: Msg; edited: Edit }

// A hand-written preset: the types a user of a real one sees come from this shape alone.
const chat: Platform<Events, Reply, Helpers> = {
  name: 'chat',
  verify: [verify],
  event: (payload) => (payload as { kind: string }).kind,
  ack: () => ({ status: 200, headers: {}, body: '' }),
  reply: (value) => ({ status: 200, headers: {}, body: value.say }),
  helpers: () => ({ say: (text) => ({ say: text }) }),
}

describe('public types', () => {
  it('types a generic payload from its schema', () => {
    const webhook = createWebhook(generic({ verify, schema: z.object({ id: z.number() }) }))
    webhook.on('*', (event) => {
      expectTypeOf(event.payload).toEqualTypeOf<{ id: number }>()
      expectTypeOf(event.request).toEqualTypeOf<WebhookRequest>()
      expectTypeOf(event.params).toEqualTypeOf<Readonly<Record<string, string>>>()
    })
  })

  it('types a generic idempotency key function from the schema, as it runs after validation', () => {
    generic({
      verify,
      schema: z.object({ update_id: z.number() }),
      idempotencyKey: (payload) => {
        expectTypeOf(payload).toEqualTypeOf<{ update_id: number }>()
        return String(payload.update_id)
      },
    })
    generic({
      verify,
      idempotencyKey: (payload) => {
        expectTypeOf(payload).toBeUnknown()
        return undefined
      },
    })
  })

  it('leaves a generic payload unknown without a schema', () => {
    createWebhook(generic({ verify })).on('anything', (event) => {
      expectTypeOf(event.payload).toBeUnknown()
    })
  })

  it('types one event by its name', () => {
    createWebhook(chat).on('message', (event) => {
      expectTypeOf(event.payload).toEqualTypeOf<Msg>()
      expectTypeOf(event.name).toEqualTypeOf<'message'>()
    })
  })

  it('types a list of events as the union, narrowed by name', () => {
    createWebhook(chat).on(['message', 'edited'], (event) => {
      expectTypeOf(event.payload).toEqualTypeOf<Msg | Edit>()
      expectTypeOf(event.name).toEqualTypeOf<'message' | 'edited'>()
      if (event.name === 'edited') expectTypeOf(event.payload).toEqualTypeOf<Edit>()
    })
  })

  it("types '*' with the base payload", () => {
    createWebhook(chat).on('*', (event) => {
      expectTypeOf(event.payload).toEqualTypeOf<Base>()
      expectTypeOf(event.name).toBeString()
    })
  })

  it('puts the platform helpers on the event', () => {
    createWebhook(chat).on('message', (event) => {
      expectTypeOf(event.say).toEqualTypeOf<(text: string) => Reply>()
      return event.say(event.payload.text)
    })
  })

  it("checks a handler's return value against the platform's reply", () => {
    const webhook = createWebhook(chat)
    webhook.on('message', () => ({ say: 'hi' }))
    webhook.on('message', async () => ({ say: 'later' }))
    webhook.on('message', () => undefined)
    webhook.on('message', () => {})
    // @ts-expect-error a number is not a Reply
    webhook.on('message', () => 42)
    // @ts-expect-error a Reply needs `say` to be a string
    webhook.on('edited', async () => ({ say: 1 }))
  })

  it('refuses an event the platform does not declare', () => {
    const webhook = createWebhook(chat)
    // @ts-expect-error 'nope' is not an event of chat
    webhook.on('nope', () => undefined)
    // @ts-expect-error nor inside a list
    webhook.on(['message', 'nope'], () => undefined)
  })

  it('accepts filters typed for the payload or for any payload', () => {
    const webhook = createWebhook(chat)
    const long: Filter<Msg> = (payload) => payload.text.length > 100
    webhook.on('message', () => undefined, long)
    webhook.on('message', () => undefined, JSONKeyEquals('text', 'hi'))
    webhook.on('*', () => undefined, not(JSONKeyEquals('id', 0)))
    webhook.on(
      ['message', 'edited'],
      () => undefined,
      (payload) => payload.id > 0,
    )
    const edits: Filter<Edit> = (payload) => payload.previous === ''
    // @ts-expect-error a filter over edits cannot guard messages
    webhook.on('message', () => undefined, edits)
    expectTypeOf(JSONKeyEquals('a', 1)).toEqualTypeOf<Filter>()
  })

  it('returns the webhook from on and onError, for chaining', () => {
    const webhook = createWebhook(chat)
    expectTypeOf(webhook.on('message', () => undefined)).toEqualTypeOf(webhook)
    expectTypeOf(webhook.onError(() => undefined)).toEqualTypeOf(webhook)
  })

  it('gives onError an optional event of the webhook', () => {
    createWebhook(chat).onError((error, event) => {
      expectTypeOf(error).toBeUnknown()
      expectTypeOf(event).toExtend<WebhookEvent<string, unknown, Helpers> | undefined>()
    })
  })

  it('types handle and fetch as the Web and plain entry points', () => {
    const webhook = createWebhook(chat)
    expectTypeOf(webhook.handle(request())).resolves.toHaveProperty('status').toBeNumber()
    expectTypeOf(webhook.fetch).returns.resolves.toEqualTypeOf<Response>()
  })
})
