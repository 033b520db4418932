import { createWebhook } from '@chathooks/core'
import { actions, type StepReachedResponse, stepReachedResponse } from '@chathooks/core/clustaar'
import { clustaar as testing } from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { entries } from '../../pipeline/driver.ts'
import { clock, fixtureRequest, KEY, preset } from './harness.ts'

const delivery = () => testing.stepReached({ secret: KEY, now: clock })

describe('stepReachedResponse', () => {
  it('keeps the actions, the session values and the interlocutor', () => {
    const response = stepReachedResponse({
      actions: [actions.sendText('Noted')],
      session: { values: { lang: 'en' } },
      interlocutor: {
        id: 'i1',
        userID: 'u1',
        customAttributes: {},
        email: 'ann@example.com',
        location: { lat: 1, long: 2.4 },
        isLogged: true,
      },
    })
    expect(JSON.stringify(response)).toBe(
      '{"actions":[{"type":"send_text_action","alternatives":["Noted"]}],"session":{"values":{"lang":"en"}},' +
        '"interlocutor":{"id":"i1","userID":"u1","customAttributes":{},"email":"ann@example.com","location":{"lat":1,"long":2.4},"isLogged":true,"firstName":null,"lastName":null,"phoneNumber":null}}',
    )
  })

  it('sends the interlocutor fields Clustaar requires as null when the one given lacks them', () => {
    const { interlocutor } = stepReachedResponse({
      actions: [],
      interlocutor: { id: 'i1', userID: 'u1', customAttributes: { plan: 'pro' } },
    })
    expect(interlocutor).toEqual({
      id: 'i1',
      userID: 'u1',
      customAttributes: { plan: 'pro' },
      location: null,
      email: null,
      firstName: null,
      lastName: null,
      phoneNumber: null,
    })
  })

  it('leaves session and interlocutor out when they are not given', () => {
    expect(JSON.stringify(stepReachedResponse({ actions: [actions.pauseBot()] }))).toBe(
      '{"actions":[{"type":"pause_bot_action"}]}',
    )
  })

  it.each([
    ['no actions', {}],
    ['actions that are not a list', { actions: actions.pauseBot() }],
    ['an action without a type', { actions: [{}] }],
    ['a session without values', { actions: [], session: { lang: 'en' } }],
    ['session values that are a list', { actions: [], session: { values: [] } }],
    [
      'an interlocutor without an id',
      { actions: [], interlocutor: { userID: 'u', customAttributes: {} } },
    ],
    [
      'an interlocutor without customAttributes',
      { actions: [], interlocutor: { id: 'i', userID: 'u' } },
    ],
    ['null', null],
  ])('refuses %s with a TypeError', (_, value) => {
    expect(() => stepReachedResponse(value as unknown as StepReachedResponse)).toThrow(
      /^stepReachedResponse: /,
    )
  })
})

describe.each(entries)('clustaar replies through %s', (_, send) => {
  it('sends a handler’s StepReachedResponse as 200 JSON, byte for byte', async () => {
    const webhook = createWebhook(preset()).on('conversation.step_reached', ({ payload }) =>
      stepReachedResponse({
        actions: [
          actions.sendText('Заказ 42 в пути 🚚'),
          actions.wait(1),
          actions.jumpTo(actions.step('507f191e810c19729de860eb')),
        ],
        session: { values: { ...payload.data.session.values, order: '42' } },
      }),
    )
    const answer = await send(webhook, await delivery())
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(answer.text).toBe(
      '{"actions":[{"type":"send_text_action","alternatives":["Заказ 42 в пути 🚚"]},{"type":"wait_action","duration":1},' +
        '{"type":"jump_to_action","connections":[],"defaultTarget":{"type":"step","id":"507f191e810c19729de860eb"}}],' +
        '"session":{"values":{"lang":"fr","order":"42"}}}',
    )
  })

  it('fills the interlocutor of a plain returned object too, sent back with a new email', async () => {
    const webhook = createWebhook(preset()).on('conversation.step_reached', ({ payload }) => ({
      actions: [],
      interlocutor: { ...payload.data.interlocutor, email: 'anna@example.com' },
    }))
    const answer = await send(webhook, await fixtureRequest('step-reached'))
    expect(answer.json).toEqual({
      actions: [],
      interlocutor: {
        id: '5b0e5f1c2f1e4a00aaaaaaaa',
        userID: 'visitor-42',
        customAttributes: { plan: 'pro' },
        email: 'anna@example.com',
        location: null,
        firstName: null,
        lastName: null,
        phoneNumber: null,
      },
    })
  })

  it('answers 500 and reports a malformed reply instead of sending it', async () => {
    const onError = vi.fn()
    const webhook = createWebhook(preset())
      .on(
        'conversation.step_reached',
        () => ({ actions: 'hello' }) as unknown as StepReachedResponse,
      )
      .onError(onError)
    const answer = await send(webhook, await delivery())
    expect([answer.status, answer.json]).toMatchObject([500, { error: 'handler_failed' }])
    expect(onError).toHaveBeenCalledOnce()
  })
})
