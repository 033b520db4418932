import { expect, it } from 'vitest'

// The public names are the contract; a change here is a change to the API and the CHANGELOG.
it('exports exactly the documented runtime names from @chathooks/core/langbot', async () => {
  const langbot = await import('@chathooks/core/langbot')
  expect(Object.keys(langbot).sort()).toEqual([
    'LangBotError',
    'assembleTurn',
    'callbackReceiver',
    'createHttpBotClient',
    'createTurnAssembler',
    'httpBot',
    'segments',
  ])
})

it('exports one sample builder per request from the testing namespace', async () => {
  const { langbot } = await import('@chathooks/core/testing')
  expect(Object.keys(langbot).sort()).toEqual(['callback', 'push', 'reset', 'sync'])
})
