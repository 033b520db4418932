import { TELEGRAM_UPDATE_TYPES } from '@chathooks/core/telegram'
import { expect, it } from 'vitest'

// The public names are the contract; a change here is a change to the API and the CHANGELOG.
it('exports exactly the documented runtime names from @chathooks/core/telegram', async () => {
  const telegram = await import('@chathooks/core/telegram')
  expect(Object.keys(telegram).sort()).toEqual([
    'TELEGRAM_IP_RANGES',
    'TELEGRAM_UPDATE_TYPES',
    'reply',
    'telegram',
  ])
})

it('exports one testing builder per update type, named in camelCase', async () => {
  const { telegram } = await import('@chathooks/core/testing')
  const camel = TELEGRAM_UPDATE_TYPES.map((type) =>
    type.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase()),
  )
  expect(Object.keys(telegram).sort()).toEqual([...camel].sort())
})
