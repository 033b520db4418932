import {
  and,
  createWebhook,
  JSONKeyEquals,
  JSONKeyExists,
  JSONKeyIn,
  not,
  or,
  StepID,
  type WebhookRequest,
} from '@chathooks/core'
import { actions } from '@chathooks/core/clustaar'
import { request, sign, clustaar as testing } from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { entries } from '../../pipeline/driver.ts'
import { clock, DATE, fixtureRequest, KEY, preset } from './harness.ts'

const ORDER_STEP = '507f191e810c19729de860ea'
const OTHER_STEP = '507f191e810c19729de860eb'
const say = (text: string) => ({ actions: [actions.sendText(text)] })
const delivery = (extra: Partial<Parameters<typeof testing.stepReached>[0]> = {}) =>
  testing.stepReached({ secret: KEY, now: clock, ...extra })

/** Any body, signed as Clustaar signs, to reach routing with payloads no builder makes. */
async function signedBody(body: string): Promise<WebhookRequest> {
  const signature = await sign(['date=', DATE, '\n', body], {
    secret: KEY,
    algorithm: 'sha1',
    prefix: 'sha1=',
  })
  return request({ body, headers: { date: DATE, 'x-hub-signature': signature } })
}

describe.each(entries)('clustaar routing through %s', (_, send) => {
  it('names the event by the topic and hands the handler the typed notification', async () => {
    const seen = vi.fn()
    const webhook = createWebhook(preset()).on('conversation.step_reached', ({ name, payload }) => {
      seen(name, payload.data.step.id, payload.data.input?.text, payload.data.interlocutor.userID)
      return say('ok')
    })
    expect((await send(webhook, await fixtureRequest('step-reached'))).status).toBe(200)
    expect(seen).toHaveBeenCalledWith(
      'conversation.step_reached',
      ORDER_STEP,
      'hello',
      'visitor-42',
    )
  })

  it('hands a pretty non-ASCII notification over exactly, extra fields included', async () => {
    const seen = vi.fn()
    const webhook = createWebhook(preset()).on('conversation.step_reached', ({ payload }) => {
      seen(
        payload.data.input?.text,
        payload.data.step.name,
        payload.data.interlocutor.customAttributes,
        payload.data.step.locale,
      )
      return say('ok')
    })
    expect((await send(webhook, await fixtureRequest('step-reached-pretty'))).status).toBe(200)
    expect(seen).toHaveBeenCalledWith(
      'Где мой заказ? 📦 é',
      'Где мой заказ?',
      { plan: 'pro', city: '東京' },
      'ru-RU',
    )
  })

  it('runs the first handler whose filter matches, and no later one', async () => {
    const later = vi.fn(() => say('later'))
    const webhook = createWebhook(preset())
      .on('conversation.step_reached', () => say('other step'), StepID(OTHER_STEP))
      .on('conversation.step_reached', () => say('order step'), StepID([OTHER_STEP, ORDER_STEP]))
      .on('conversation.step_reached', later)
    const answer = await send(webhook, await delivery())
    expect(answer.json).toEqual({
      actions: [{ type: 'send_text_action', alternatives: ['order step'] }],
    })
    expect(later).not.toHaveBeenCalled()
  })

  it.each([
    ['JSONKeyEquals', JSONKeyEquals('data.session.values.lang', 'fr'), true],
    ['JSONKeyEquals on another value', JSONKeyEquals('data.session.values.lang', 'en'), false],
    ['JSONKeyIn', JSONKeyIn('data.channel', ['messenger', 'web']), true],
    ['JSONKeyExists', JSONKeyExists('data.input.text'), true],
    ['JSONKeyExists on a missing key', JSONKeyExists('data.input.url'), false],
    ['and', and(StepID(ORDER_STEP), JSONKeyEquals('data.input.type', 'message')), true],
    ['or', or(StepID(OTHER_STEP), JSONKeyEquals('data.input.text', 'hello')), true],
    ['not', not(StepID(ORDER_STEP)), false],
  ])('routes with %s (matches: %s)', async (_, filter, matches) => {
    const webhook = createWebhook(preset()).on(
      'conversation.step_reached',
      () => say('hit'),
      filter,
    )
    const answer = await send(webhook, await delivery())
    expect(answer.status).toBe(matches ? 200 : 404)
  })

  it('treats a missing key as no match, never as a failure', async () => {
    const webhook = createWebhook(preset())
      .on('*', () => say('deep'), JSONKeyEquals('data.step.id.nested.deeper', 1))
      .on('*', () => say('fallback'), StepID(ORDER_STEP))
    const unknown = await send(webhook, await fixtureRequest('unknown-topic'))
    expect([unknown.status, unknown.json]).toMatchObject([404, { error: 'not_found' }])
    const known = await send(webhook, await delivery())
    expect(known.json).toEqual({
      actions: [{ type: 'send_text_action', alternatives: ['fallback'] }],
    })
  })

  it('answers 404 when no handler matches, as clustaar.webhook does', async () => {
    const webhook = createWebhook(preset()).on(
      'conversation.step_reached',
      () => say('x'),
      StepID(OTHER_STEP),
    )
    const answer = await send(webhook, await delivery())
    expect(answer.status).toBe(404)
    expect(answer.json).toEqual({
      error: 'not_found',
      message: 'No handler matches this notification',
    })
  })

  it('answers 404 when nothing is registered at all', async () => {
    expect((await send(createWebhook(preset()), await delivery())).status).toBe(404)
  })

  it('answers an empty StepReachedResponse when the handlers that matched returned nothing', async () => {
    const first = vi.fn()
    const second = vi.fn()
    const webhook = createWebhook(preset()).on('conversation.step_reached', first).on('*', second)
    const answer = await send(webhook, await delivery())
    expect([answer.status, answer.text]).toEqual([200, '{"actions":[]}'])
    expect(answer.headers['content-type']).toMatch(/^application\/json/)
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([1, 1])
  })

  it("hands an unknown topic to '*' handlers only, never a 400", async () => {
    const named = vi.fn(() => say('named'))
    const webhook = createWebhook(preset())
      .on('conversation.step_reached', named)
      .on('*', ({ name, payload }) => say(`${name} ${String(payload.topic)}`))
    const answer = await send(webhook, await fixtureRequest('unknown-topic'))
    expect(answer.json).toEqual({
      actions: [
        { type: 'send_text_action', alternatives: ['conversation.closed conversation.closed'] },
      ],
    })
    expect(named).not.toHaveBeenCalled()
  })

  it('answers 404 for an unknown topic nobody listens to', async () => {
    const webhook = createWebhook(preset()).on('conversation.step_reached', () => say('x'))
    expect((await send(webhook, await fixtureRequest('unknown-topic'))).status).toBe(404)
  })

  it.each([
    ['no topic', '{"botID":"b","data":{}}'],
    ['a numeric topic', '{"topic":42}'],
    ['a JSON array', '[{"topic":"conversation.step_reached"}]'],
    ['JSON null', 'null'],
    [
      'a step_reached without its step',
      '{"botID":"b","timestamp":1,"topic":"conversation.step_reached","type":"notification_event","data":{"type":"step_reached_event","channel":"web","interlocutor":{"id":"i","userID":"u","customAttributes":{}},"session":{"values":{}}}}',
    ],
  ])('answers 400 invalid_payload for %s', async (_, body) => {
    const handler = vi.fn(() => say('x'))
    const webhook = createWebhook(preset()).on('*', handler)
    const answer = await send(webhook, await signedBody(body))
    expect([answer.status, answer.json]).toMatchObject([400, { error: 'invalid_payload' }])
    expect(handler).not.toHaveBeenCalled()
  })

  it('answers 400 invalid_json for a signed body that is not JSON', async () => {
    const answer = await send(createWebhook(preset()), await signedBody('{"topic":'))
    expect([answer.status, answer.json]).toMatchObject([400, { error: 'invalid_json' }])
  })

  it.each(['/hooks', '/conversation.step_reached'])(
    'answers 404 on %s, as only / is the webhook',
    async (url) => {
      const webhook = createWebhook(preset()).on('*', () => say('x'))
      expect((await send(webhook, { ...(await delivery()), url })).status).toBe(404)
    },
  )

  it('answers 405 with Allow: POST to another method', async () => {
    const answer = await send(createWebhook(preset()), {
      ...(await delivery()),
      method: 'GET',
      body: new Uint8Array(),
    })
    expect([answer.status, answer.headers.allow]).toEqual([405, 'POST'])
  })

  it('answers 500 and tells onError when a handler throws', async () => {
    const onError = vi.fn()
    const webhook = createWebhook(preset())
      .on('conversation.step_reached', () => {
        throw new Error('database down')
      })
      .onError(onError)
    const answer = await send(webhook, await delivery())
    expect([answer.status, answer.json]).toMatchObject([500, { error: 'handler_failed' }])
    expect(answer.text).not.toContain('database down')
    expect(onError).toHaveBeenCalledOnce()
  })

  it('processes a repeated delivery again, as Clustaar waits for the actions of each', async () => {
    const handler = vi.fn(() => say('again'))
    const webhook = createWebhook(preset()).on('conversation.step_reached', handler)
    const first = await send(webhook, await delivery())
    const repeat = await send(webhook, await delivery())
    expect(repeat.text).toBe(first.text)
    expect(handler).toHaveBeenCalledTimes(2)
  })
})
