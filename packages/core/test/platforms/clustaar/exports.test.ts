import { expect, it } from 'vitest'

// The public names are the contract; a change here is a change to the API and the CHANGELOG.
it('exports exactly the documented runtime names from @chathooks/core/clustaar', async () => {
  const clustaar = await import('@chathooks/core/clustaar')
  expect(Object.keys(clustaar).sort()).toEqual(['actions', 'clustaar', 'stepReachedResponse'])
})

it('exports exactly the action builders under actions', async () => {
  const { actions } = await import('@chathooks/core/clustaar')
  expect(Object.keys(actions).sort()).toEqual([
    'goTo',
    'jumpTo',
    'openUrl',
    'pauseBot',
    'quickReply',
    'sendImage',
    'sendJsEvent',
    'sendQuickReplies',
    'sendText',
    'setUserAttribute',
    'share',
    'step',
    'storeSessionValue',
    'story',
    'wait',
  ])
})

it('exports one sample builder per event from testing.clustaar', async () => {
  const { clustaar } = await import('@chathooks/core/testing')
  expect(Object.keys(clustaar)).toEqual(['stepReached'])
})
