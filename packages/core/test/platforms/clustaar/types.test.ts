import { createWebhook, type WebhookRequest } from '@chathooks/core'
import {
  type Action,
  actions,
  type ClustaarNotification,
  type ClustaarOptions,
  clustaar,
  type Interlocutor,
  type StepInput,
  type StepReachedNotification,
  type StepReachedResponse,
  stepReachedResponse,
} from '@chathooks/core/clustaar'
import { clustaar as testing } from '@chathooks/core/testing'
import { describe, expect, expectTypeOf, it } from 'vitest'

const hook = () => createWebhook(clustaar({ privateKey: 'key' }))

describe('clustaar types', () => {
  it('types a step_reached payload from the event name', () => {
    hook().on('conversation.step_reached', (e) => {
      expectTypeOf(e.payload).toEqualTypeOf<StepReachedNotification>()
      expectTypeOf(e.payload.data.step.id).toBeString()
      expectTypeOf(e.payload.timestamp).toBeNumber()
      expectTypeOf(e.payload.data.interlocutor).toEqualTypeOf<Interlocutor>()
      expectTypeOf(e.payload.data.interlocutor.email).toEqualTypeOf<string | null | undefined>()
      expectTypeOf(e.payload.data.input).toEqualTypeOf<StepInput | undefined>()
      expectTypeOf(e.payload.data.session.values).toEqualTypeOf<Readonly<Record<string, unknown>>>()
      expectTypeOf(e.name).toEqualTypeOf<'conversation.step_reached'>()
      return { actions: [actions.sendText(e.payload.data.step.name)] }
    })
  })

  it('compiles the one-liner of the issue', () => {
    hook().on('conversation.step_reached', (e) => {
      e.payload.data.step.id
    })
  })

  it('refuses a field the payload does not have, and writes to it', () => {
    hook().on('conversation.step_reached', (e) => {
      // @ts-expect-error a step has no `title`; loose extras are `unknown`, not strings
      expectTypeOf(e.payload.data.step.title).toBeString()
      // @ts-expect-error the interlocutor's id is a string, not a number
      const id: number = e.payload.data.interlocutor.id
      // @ts-expect-error payloads are read-only
      e.payload.data.step.id = 'x'
      void id
    })
  })

  it("gives '*' handlers the base notification with its topic", () => {
    hook().on('*', (e) => {
      expectTypeOf(e.payload).toEqualTypeOf<ClustaarNotification>()
      expectTypeOf(e.payload.topic).toBeString()
    })
  })

  it('refuses a topic the preset does not declare, except through "*"', () => {
    // @ts-expect-error Clustaar declares conversation.step_reached only
    hook().on('conversation.closed', () => undefined)
  })

  it('checks replies against StepReachedResponse', () => {
    const webhook = hook()
    webhook.on('conversation.step_reached', () => ({ actions: [actions.pauseBot()] }))
    webhook.on('conversation.step_reached', () => stepReachedResponse({ actions: [] }))
    webhook.on('conversation.step_reached', async () => ({
      actions: [],
      session: { values: { a: 1 } },
    }))
    webhook.on('conversation.step_reached', () => undefined)
    // @ts-expect-error a reply is a StepReachedResponse, not text
    webhook.on('conversation.step_reached', () => 'hello')
    // @ts-expect-error actions come from the builders: a hand-written one must match a type
    webhook.on('conversation.step_reached', () => ({
      actions: [{ type: 'send_text_action', text: 'hi' }],
    }))
    expectTypeOf(stepReachedResponse).returns.toEqualTypeOf<StepReachedResponse>()
  })

  it('types each builder by the action it makes', () => {
    expectTypeOf(actions.sendText('hi').type).toEqualTypeOf<'send_text_action'>()
    expectTypeOf(actions.jumpTo(null).defaultTarget).toEqualTypeOf<
      ReturnType<typeof actions.step> | ReturnType<typeof actions.story> | null
    >()
    expectTypeOf(actions.wait()).toExtend<Action>()
    expect(() =>
      // @ts-expect-error a quick reply takes a button action, not a bot action
      actions.quickReply('Go', actions.pauseBot()),
    ).toThrow(TypeError)
    expect(() =>
      // @ts-expect-error sendQuickReplies takes quick replies made by quickReply
      actions.sendQuickReplies('Ok?', [actions.goTo(actions.step('507f191e810c19729de860ea'))]),
    ).toThrow(TypeError)
  })

  it('types the options, with false as the only way to turn the Date check off', () => {
    expectTypeOf<ClustaarOptions['requestMaxAge']>().toEqualTypeOf<number | false | undefined>()
    // @ts-expect-error null is not an opt-out
    expect(() => clustaar({ privateKey: 'key', requestMaxAge: null })).toThrow(TypeError)
    // @ts-expect-error there is no option by upstream's name
    expect(() => clustaar({ private_key: 'key' })).toThrow(TypeError)
  })

  it('types the testing builder', async () => {
    expectTypeOf(testing.stepReached).returns.resolves.toEqualTypeOf<WebhookRequest>()
    // @ts-expect-error the signing option is `secret`
    await expect(testing.stepReached({ privateKey: 'key' })).rejects.toThrow(TypeError)
  })
})
