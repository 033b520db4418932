import { expect, it } from 'vitest'
import { createHmacKey } from '#crypto'

it('resolves', async () => {
  const key = createHmacKey('sha256', 'key')
  expect(await key.sign(['abc'], 'hex')).toHaveLength(64)
  expect(key.sign(['abc'], 'hex')).not.toBeInstanceOf(Promise)
})
