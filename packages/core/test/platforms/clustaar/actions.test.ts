import { actions } from '@chathooks/core/clustaar'
import { describe, expect, it } from 'vitest'

const STEP = 'a1a1a1a1a1a1a1a1a1a1a1a1'
const STORY = 'a2a2a2a2a2a2a2a2a2a2a2a2'
const json = (value: unknown) => JSON.stringify(value)

// The expected strings are clustaar.schemas' own test data (v1), key for key; optional fields
// that test dumps as null are left out, which Clustaar's schema reads the same way.
describe('clustaar actions', () => {
  it.each([
    [
      'sendText with alternatives',
      () => actions.sendText(['Hi', 'Hello']),
      '{"type":"send_text_action","alternatives":["Hi","Hello"]}',
    ],
    [
      'sendText with one text',
      () => actions.sendText('Привет 👋'),
      '{"type":"send_text_action","alternatives":["Привет 👋"]}',
    ],
    [
      'sendQuickReplies',
      () =>
        actions.sendQuickReplies('Ok?', [
          actions.quickReply('Ok', actions.goTo(actions.step(STEP, 'a step'))),
        ]),
      '{"type":"send_quick_replies_action","message":"Ok?","buttons":[{"type":"quick_reply","title":"Ok","action":{"type":"go_to_action","target":{"type":"step","id":"a1a1a1a1a1a1a1a1a1a1a1a1","name":"a step"}}}]}',
    ],
    [
      'goTo with session values',
      () => actions.goTo(actions.story(STORY), { sessionValues: { aa: 1, bb: 2 } }),
      '{"type":"go_to_action","target":{"type":"story","id":"a2a2a2a2a2a2a2a2a2a2a2a2"},"sessionValues":{"aa":1,"bb":2}}',
    ],
    [
      'openUrl and share',
      () => [actions.openUrl('https://example.com/a?b=1'), actions.share()],
      '[{"type":"open_url_action","url":"https://example.com/a?b=1"},{"type":"share_action"}]',
    ],
    [
      'jumpTo a step',
      () => actions.jumpTo(actions.step(STEP)),
      '{"type":"jump_to_action","connections":[],"defaultTarget":{"type":"step","id":"a1a1a1a1a1a1a1a1a1a1a1a1"}}',
    ],
    [
      'jumpTo with a connection and no default',
      () =>
        actions.jumpTo(null, [
          {
            type: 'flow_connection',
            target: actions.story(STORY, 'a story'),
            predicates: [
              {
                type: 'connection_predicate',
                condition: { type: 'is_not_set' },
                valueGetter: { type: 'message' },
              },
            ],
          },
        ]),
      '{"type":"jump_to_action","connections":[{"type":"flow_connection","target":{"type":"story","id":"a2a2a2a2a2a2a2a2a2a2a2a2","name":"a story"},"predicates":[{"type":"connection_predicate","condition":{"type":"is_not_set"},"valueGetter":{"type":"message"}}]}],"defaultTarget":null}',
    ],
    [
      'storeSessionValue with its flags',
      () => actions.storeSessionValue('var1', 'val1', { add: false, isInt: false }),
      '{"type":"store_session_value_action","key":"var1","value":"val1","add":false,"isInt":false}',
    ],
    [
      'storeSessionValue without flags',
      () => actions.storeSessionValue('номер_заказа', '42'),
      '{"type":"store_session_value_action","key":"номер_заказа","value":"42"}',
    ],
    [
      'setUserAttribute',
      () => actions.setUserAttribute('visits', '1', { add: true, isInt: true }),
      '{"type":"set_user_attribute_action","key":"visits","value":"1","add":true,"isInt":true}',
    ],
    ['wait with the default', () => actions.wait(), '{"type":"wait_action","duration":2}'],
    ['wait half a second', () => actions.wait(0.5), '{"type":"wait_action","duration":0.5}'],
    ['pauseBot', () => actions.pauseBot(), '{"type":"pause_bot_action"}'],
    [
      'sendImage',
      () => actions.sendImage('https://example.com/map.png', { alt: 'map' }),
      '{"type":"send_image_action","imageURL":"https://example.com/map.png","alt":"map"}',
    ],
    [
      'sendJsEvent',
      () => actions.sendJsEvent('tracked', { order: 42 }),
      '{"type":"send_js_event_action","event":"tracked","payload":{"order":42}}',
    ],
  ])('builds %s as Clustaar reads it', (_, build, expected) => {
    expect(json(build())).toBe(expected)
  })

  it('copies the lists it is given, so changing them later changes no action', () => {
    const alternatives = ['Hi']
    const action = actions.sendText(alternatives)
    alternatives.push('Hello')
    expect(action.alternatives).toEqual(['Hi'])
  })

  const long = (length: number) => 'é'.repeat(length)
  const target = actions.step(STEP)
  const button = actions.quickReply('Yes', actions.goTo(target))

  it.each([
    ['sendText with no alternative', () => actions.sendText([]), 'sendText'],
    ['sendText with 11 alternatives', () => actions.sendText(Array(11).fill('x')), 'sendText'],
    ['sendText with an empty text', () => actions.sendText(''), 'sendText'],
    ['sendText over 500 characters', () => actions.sendText(long(501)), 'sendText'],
    [
      'sendQuickReplies without buttons',
      () => actions.sendQuickReplies('Ok?', []),
      'sendQuickReplies',
    ],
    [
      'sendQuickReplies with 12 buttons',
      () => actions.sendQuickReplies('Ok?', Array(12).fill(button)),
      'sendQuickReplies',
    ],
    [
      'sendQuickReplies with a raw object',
      () => actions.sendQuickReplies('Ok?', [{} as never]),
      'sendQuickReplies',
    ],
    [
      'sendQuickReplies without a message',
      () => actions.sendQuickReplies('', [button]),
      'sendQuickReplies',
    ],
    [
      'a quick reply title over 20 characters',
      () => actions.quickReply(long(21), actions.share()),
      'quickReply',
    ],
    [
      'a quick reply with a bot action',
      () => actions.quickReply('Go', actions.pauseBot() as never),
      'quickReply',
    ],
    ['a step id that is not an ObjectId', () => actions.step('Ask order number'), 'step'],
    ['a story id of 23 digits', () => actions.story('a'.repeat(23)), 'story'],
    ['goTo a target with a bad id', () => actions.goTo({ type: 'step', id: 'x' }), 'goTo'],
    [
      'goTo with session values that are a list',
      () => actions.goTo(target, { sessionValues: [] as never }),
      'goTo',
    ],
    ['jumpTo a plain string', () => actions.jumpTo(STEP as never), 'jumpTo'],
    [
      'jumpTo with 11 connections',
      () =>
        actions.jumpTo(target, Array(11).fill({ type: 'flow_connection', target, predicates: [] })),
      'jumpTo',
    ],
    [
      'jumpTo with a connection of another type',
      () => actions.jumpTo(target, [{ type: 'x' } as never]),
      'jumpTo',
    ],
    ['openUrl to a javascript: URL', () => actions.openUrl('javascript:alert(1)'), 'openUrl'],
    ['openUrl to a relative path', () => actions.openUrl('/orders'), 'openUrl'],
    [
      'storeSessionValue with a dash in the key',
      () => actions.storeSessionValue('order-id', '1'),
      'storeSessionValue',
    ],
    [
      'storeSessionValue with an empty value',
      () => actions.storeSessionValue('order', ''),
      'storeSessionValue',
    ],
    [
      'storeSessionValue over 200 characters',
      () => actions.storeSessionValue('order', long(201)),
      'storeSessionValue',
    ],
    [
      'storeSessionValue with a key over 100 characters',
      () => actions.storeSessionValue('k'.repeat(101), '1'),
      'storeSessionValue',
    ],
    [
      'storeSessionValue with a number',
      () => actions.storeSessionValue('n', 1 as never),
      'storeSessionValue',
    ],
    [
      'storeSessionValue with a non-boolean flag',
      () => actions.storeSessionValue('n', '1', { add: 'yes' as never }),
      'storeSessionValue',
    ],
    ['setUserAttribute on id', () => actions.setUserAttribute('ID', '1'), 'setUserAttribute'],
    [
      'setUserAttribute over 2000 characters',
      () => actions.setUserAttribute('bio', long(2001)),
      'setUserAttribute',
    ],
    ['wait under half a second', () => actions.wait(0.4), 'wait'],
    ['wait over 7 seconds', () => actions.wait(7.5), 'wait'],
    ['wait NaN seconds', () => actions.wait(Number.NaN), 'wait'],
    [
      'sendImage over http with a bad URL',
      () => actions.sendImage('ftp://example.com/a.png'),
      'sendImage',
    ],
    ['sendJsEvent without a name', () => actions.sendJsEvent(''), 'sendJsEvent'],
  ])('refuses %s with a TypeError naming the builder', (_, build, builder) => {
    expect(build).toThrow(TypeError)
    expect(build).toThrow(new RegExp(`^actions\\.${builder}: `))
  })

  it('counts characters as Python does, by code point, so an emoji counts once', () => {
    expect(() => actions.sendText('👋'.repeat(500))).not.toThrow()
    expect(() => actions.sendText('👋'.repeat(501))).toThrow(TypeError)
  })

  it('accepts the limits themselves', () => {
    expect(() => actions.sendText(Array(10).fill(long(500)))).not.toThrow()
    expect(() => actions.sendQuickReplies(long(500), Array(11).fill(button))).not.toThrow()
    expect(() => actions.quickReply(long(20), actions.share())).not.toThrow()
    expect(() => actions.storeSessionValue('k'.repeat(100), long(200))).not.toThrow()
    expect(() => actions.wait(7)).not.toThrow()
  })
})
