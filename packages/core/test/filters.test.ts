import {
  and,
  createWebhook,
  type Filter,
  generic,
  JSONKeyEquals,
  JSONKeyExists,
  JSONKeyIn,
  not,
  or,
  StepID,
  secretToken,
} from '@chathooks/core'
import { request } from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'

// The Clustaar sample from PROTOCOLS.md, byte for byte.
const STEP_REACHED =
  '{"botID":"5b0e5f1c2f1e4a0012345678","timestamp":1718000000,"topic":"conversation.step_reached","type":"notification_event","data":{"type":"step_reached_event","channel":"web","interlocutor":{"id":"5b0e5f1c2f1e4a00aaaaaaaa","userID":"visitor-42","customAttributes":{"plan":"pro"}},"session":{"values":{"lang":"fr"}},"step":{"id":"507f191e810c19729de860ea","name":"Ask order number","userData":"{}","actions":[]},"input":{"type":"message","text":"hello","attachments":[]}}}'
const STEP_ID = '507f191e810c19729de860ea'

// Pretty-printed, non-ASCII, with a trailing newline: what a real sender may put on the wire.
const STEP_REACHED_PRETTY = `{
  "topic": "conversation.step_reached",
  "data": {
    "step": { "id": "${STEP_ID}", "name": "Numéro de commande" },
    "input": { "type": "message", "text": "Où est ma commande ? 📦" }
  }
}
`

const ORDER: unknown = JSON.parse(`{
  "user": { "id": 1, "name": "Zoë", "nickname": null },
  "items": [{ "id": "a" }, { "id": "b" }],
  "tags": ["x", "y"],
  "count": 0,
  "flag": false,
  "empty": "",
  "data": { "step": { "actions": [{ "type": "send_text_action" }, { "type": "jump_to_action" }] } }
}`)

describe('JSONKeyEquals', () => {
  it.each([
    ['user.id', 1, true],
    ['user.id', '1', false],
    ['user.name', 'Zoë', true],
    ['items.0.id', 'a', true],
    ['items.1.id', 'b', true],
    ['data.step.actions.1.type', 'jump_to_action', true],
    ['data.step.actions.0.type', 'jump_to_action', false],
    ['items.01.id', 'b', false],
    ['items.2.id', 'b', false],
    ['items.-1.id', 'b', false],
    ['items.length', 2, false],
    ['user', { name: 'Zoë', nickname: null, id: 1 }, true],
    ['user', { id: 1, name: 'Zoë' }, false],
    ['items', [{ id: 'a' }, { id: 'b' }], true],
    ['tags', ['y', 'x'], false],
    ['tags', ['x'], false],
    ['tags', { 0: 'x', 1: 'y' }, false],
    ['count', 0, true],
    ['count', false, false],
    ['flag', false, true],
    ['empty', '', true],
    ['user.nickname', null, true],
    ['user.missing', null, false],
    ['user.missing', undefined, false],
  ])('at %j compared with %j answers %j', (path, value, expected) => {
    expect(JSONKeyEquals(path, value)(ORDER)).toBe(expected)
  })

  it('treats 0 and -0 as the same JSON number', () => {
    expect(JSONKeyEquals('n', 0)(JSON.parse('{"n":-0}'))).toBe(true)
    expect(JSONKeyEquals('n', -0)({ n: 0 })).toBe(true)
  })
})

describe('JSONKeyIn', () => {
  it.each([
    ['user.id', [2, 1], true],
    ['user.id', ['1'], false],
    ['items.0', [{ id: 'z' }, { id: 'a' }], true],
    ['user.nickname', [null], true],
    ['user.missing', [null, undefined], false],
    ['user.id', [], false],
  ])('at %j with the list %j answers %j', (path, values, expected) => {
    expect(JSONKeyIn(path, values)(ORDER)).toBe(expected)
  })

  it('keeps the list it was created with when the caller mutates theirs', () => {
    const values = ['Zoë']
    const filter = JSONKeyIn('user.name', values)
    values.length = 0
    expect(filter(ORDER)).toBe(true)
  })

  it('refuses values that are not a list at creation', () => {
    expect(() => JSONKeyIn('user.id', 'Zoë' as unknown as string[])).toThrow(TypeError)
  })
})

describe('JSONKeyExists', () => {
  it.each([
    ['user.nickname', true],
    ['count', true],
    ['flag', true],
    ['empty', true],
    ['items.1', true],
    ['items.2', false],
    ['user.missing', false],
    ['user.id.deeper', false],
  ])('at %j answers %j', (path, expected) => {
    expect(JSONKeyExists(path)(ORDER)).toBe(expected)
  })
})

describe('filters on payloads that are not objects', () => {
  const filters: [string, Filter][] = [
    ['JSONKeyEquals', JSONKeyEquals('a', 1)],
    ['JSONKeyEquals to undefined', JSONKeyEquals('a', undefined)],
    ['JSONKeyIn', JSONKeyIn('a', [1, null])],
    ['JSONKeyExists', JSONKeyExists('a')],
    ['JSONKeyExists on length', JSONKeyExists('length')],
    ['StepID', StepID(STEP_ID)],
  ]
  const roots: unknown[] = [null, undefined, 'a string', 42, true, [1, 2]]

  it.each(filters)('%s does not match and does not throw on any of them', (_, filter) => {
    for (const root of roots) expect(filter(root)).toBe(false)
  })

  it('indexes an array at the root by the first segment', () => {
    expect(JSONKeyEquals('1', 2)([1, 2])).toBe(true)
    expect(JSONKeyExists('0.id')([{ id: null }])).toBe(true)
  })

  it('reads a payload that has no prototype', () => {
    const payload = Object.assign(Object.create(null) as object, { a: { b: 1 } })
    expect(JSONKeyEquals('a.b', 1)(payload)).toBe(true)
  })
})

describe('prototype safety', () => {
  it.each(['__proto__', '__proto__.polluted', 'constructor', 'constructor.name', 'toString'])(
    'finds nothing at %j on a plain payload',
    (path) => {
      expect(JSONKeyExists(path)({ a: {} })).toBe(false)
      expect(JSONKeyExists(`a.${path}`)({ a: {} })).toBe(false)
      expect(JSONKeyExists(`a.0.${path}`)({ a: [{}] })).toBe(false)
    },
  )

  it('does not compare against what the prototype holds', () => {
    expect(JSONKeyEquals('constructor.name', 'Object')({})).toBe(false)
    expect(JSONKeyEquals('a.__proto__', Object.prototype)({ a: {} })).toBe(false)
    expect(JSONKeyIn('toString', [Object.prototype.toString])({})).toBe(false)
    expect(JSONKeyExists('items.constructor')({ items: [] })).toBe(false)
  })

  it('finds an own "__proto__" key that JSON.parse created, and nothing past it', () => {
    const payload: unknown = JSON.parse('{"__proto__": {"x": 1}}')
    expect(JSONKeyExists('__proto__')(payload)).toBe(true)
    expect(JSONKeyEquals('__proto__', { x: 1 })(payload)).toBe(true)
    expect(JSONKeyEquals('__proto__.x', 1)(payload)).toBe(true)
    expect(JSONKeyExists('x')(payload)).toBe(false)
    expect(JSONKeyExists('__proto__.toString')(payload)).toBe(false)
  })
})

describe('StepID', () => {
  const payload: unknown = JSON.parse(STEP_REACHED)

  it.each([
    [STEP_ID, true],
    ['507f191e810c19729de860eb', false],
    [['welcome', STEP_ID], true],
    [['welcome', 'goodbye'], false],
  ])('with %j on a step_reached payload answers %j', (ids, expected) => {
    expect(StepID(ids)(payload)).toBe(expected)
  })

  it('does not match a Clustaar payload without a step', () => {
    expect(StepID(STEP_ID)({ topic: 'conversation.step_reached', data: {} })).toBe(false)
  })

  it.each([[[]], [42], [[STEP_ID, 42]], [undefined]])('refuses %j at creation', (ids) => {
    expect(() => StepID(ids as string[])).toThrow(TypeError)
  })
})

describe('and, or, not', () => {
  const yes: Filter = () => true
  const no: Filter = () => false

  it.each([
    [[], true, false],
    [[yes], true, true],
    [[no], false, false],
    [[yes, yes], true, true],
    [[yes, no], false, true],
    [[no, yes], false, true],
    [[no, no], false, false],
  ])('combine %# into and=%j, or=%j', (filters, all, any) => {
    expect(and(...filters)(ORDER)).toBe(all)
    expect(or(...filters)(ORDER)).toBe(any)
  })

  it('negates a filter', () => {
    expect(not(yes)(ORDER)).toBe(false)
    expect(not(no)(ORDER)).toBe(true)
    expect(not(JSONKeyExists('user.missing'))(ORDER)).toBe(true)
  })

  it('composes real filters', () => {
    const adult = and(JSONKeyEquals('user.id', 1), or(StepID('nope'), not(JSONKeyExists('x'))))
    expect(adult(ORDER)).toBe(true)
    expect(and(adult, JSONKeyEquals('flag', true))(ORDER)).toBe(false)
  })

  it.each([
    ['and', () => and(yes, 1 as unknown as Filter)],
    ['and with a hole', () => and(undefined as unknown as Filter)],
    ['or', () => or(null as unknown as Filter, yes)],
    ['not', () => not('user.id' as unknown as Filter)],
  ])('%s refuses an argument that is not a function at creation', (_, create) => {
    expect(create).toThrow(TypeError)
  })
})

describe('invalid paths', () => {
  const factories: [string, (path: string) => Filter][] = [
    ['JSONKeyEquals', (path) => JSONKeyEquals(path, 1)],
    ['JSONKeyIn', (path) => JSONKeyIn(path, [1])],
    ['JSONKeyExists', (path) => JSONKeyExists(path)],
  ]
  const paths = ['', 'a..b', '.a', 'a.', '.', 42 as unknown as string]

  it.each(factories)('%s throws at creation, naming itself', (name, create) => {
    for (const path of paths) expect(() => create(path)).toThrow(new RegExp(`^${name}: `))
  })
})

describe('filters on a webhook', () => {
  const token = 't0ken'
  const deliver = (body = STEP_REACHED) => request({ body, headers: { 'X-Token': token } })
  const bodyOf = (body: string | Uint8Array) =>
    JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body)) as unknown
  const setup = () => createWebhook(generic({ verify: secretToken({ header: 'x-token', token }) }))

  it('runs the handler whose filter matches and replies with its value', async () => {
    const webhook = setup().on('*', () => ({ actions: ['ask'] }), StepID(STEP_ID))
    const response = await webhook.handle(deliver())
    expect(response.status).toBe(200)
    expect(bodyOf(response.body)).toEqual({ actions: ['ask'] })
  })

  it('falls through to the next handler when a filter does not match', async () => {
    const skipped = vi.fn(() => 'skipped')
    const webhook = setup()
      .on('*', skipped, StepID('welcome'))
      .on('*', ({ payload }) => ({ seen: (payload as { topic: string }).topic }))
    const response = await webhook.handle(deliver())
    expect(skipped).not.toHaveBeenCalled()
    expect(bodyOf(response.body)).toEqual({ seen: 'conversation.step_reached' })
  })

  it('matches a pretty-printed non-ASCII delivery on its parsed text', async () => {
    const webhook = setup().on(
      '*',
      () => ({ reply: 'En route 🚚' }),
      and(StepID(STEP_ID), JSONKeyEquals('data.input.text', 'Où est ma commande ? 📦')),
    )
    const response = await webhook.handle(deliver(STEP_REACHED_PRETTY))
    expect(bodyOf(response.body)).toEqual({ reply: 'En route 🚚' })
  })

  it('acknowledges with 200 {} when no filter matches', async () => {
    const handler = vi.fn(() => 'never')
    const webhook = setup().on('*', handler, or(StepID('welcome'), JSONKeyExists('data.missing')))
    const response = await webhook.handle(deliver())
    expect(handler).not.toHaveBeenCalled()
    expect(response.status).toBe(200)
    expect(bodyOf(response.body)).toEqual({})
  })
})
