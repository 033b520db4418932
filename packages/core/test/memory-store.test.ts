import { MemoryStore, type MemoryStoreOptions } from '@chathooks/core'
import { describe, expect, it } from 'vitest'

/** A store on a clock the test moves by hand. */
function storeAt(options: MemoryStoreOptions = {}) {
  const clock = { now: 1_000_000 }
  const store = new MemoryStore({ ...options, now: () => clock.now })
  return { store, clock }
}

describe('MemoryStore', () => {
  it('grants the first claim of a key and refuses the second', () => {
    const { store } = storeAt()
    expect(store.claim('update:1', 1000)).toBe(true)
    expect(store.claim('update:1', 1000)).toBe(false)
    expect(store.claim('update:2', 1000)).toBe(true)
  })

  it('grants a key again once its TTL has passed, and not a moment before', () => {
    const { store, clock } = storeAt()
    store.claim('k', 1000)
    clock.now += 999
    expect(store.claim('k', 1000)).toBe(false)
    clock.now += 1
    expect(store.claim('k', 1000)).toBe(true)
    expect(store.claim('k', 1000)).toBe(false)
  })

  it('does not extend a claim when a duplicate arrives', () => {
    const { store, clock } = storeAt()
    store.claim('k', 1000)
    clock.now += 600
    store.claim('k', 1000)
    clock.now += 400
    expect(store.claim('k', 1000)).toBe(true)
  })

  it('makes a released key claimable at once', () => {
    const { store } = storeAt()
    store.claim('k', 1000)
    store.release('k')
    expect(store.claim('k', 1000)).toBe(true)
  })

  it('ignores the release of a key it never held', () => {
    const { store } = storeAt()
    store.claim('k', 1000)
    store.release('other')
    expect(store.claim('k', 1000)).toBe(false)
  })

  it('counts live claims in size', () => {
    const { store, clock } = storeAt()
    expect(store.size).toBe(0)
    store.claim('a', 1000)
    clock.now += 500
    store.claim('b', 1000)
    store.claim('b', 1000)
    expect(store.size).toBe(2)
    store.release('b')
    expect(store.size).toBe(1)
    clock.now += 500
    expect(store.size).toBe(0)
  })

  it('counts live claims in size when TTLs differ', () => {
    const { store, clock } = storeAt()
    store.claim('long', 10_000)
    store.claim('short', 10)
    clock.now += 100
    expect(store.size).toBe(1)
    expect(store.claim('short', 10)).toBe(true)
    expect(store.claim('long', 10_000)).toBe(false)
  })

  it('forgets the oldest claim past maxKeys and keeps the newer ones', () => {
    const { store, clock } = storeAt({ maxKeys: 3 })
    for (const key of ['a', 'b', 'c', 'd']) {
      store.claim(key, 60_000)
      clock.now += 1
    }
    expect(store.size).toBe(3)
    expect(store.claim('b', 60_000)).toBe(false)
    expect(store.claim('c', 60_000)).toBe(false)
    expect(store.claim('d', 60_000)).toBe(false)
    expect(store.claim('a', 60_000)).toBe(true)
    // Re-claiming "a" pushed out "b", now the oldest.
    expect(store.claim('b', 60_000)).toBe(true)
  })

  it('drops an expired claim before forgetting a live one past maxKeys', () => {
    const { store, clock } = storeAt({ maxKeys: 2 })
    store.claim('long', 60_000)
    store.claim('short', 10)
    clock.now += 100
    store.claim('new', 60_000)
    expect(store.claim('long', 60_000)).toBe(false)
    expect(store.claim('new', 60_000)).toBe(false)
    expect(store.size).toBe(2)
  })

  it('stays within maxKeys under many distinct claims', () => {
    const { store } = storeAt({ maxKeys: 100 })
    for (let index = 0; index < 1000; index++) store.claim(`k${index}`, 60_000)
    expect(store.size).toBe(100)
    expect(store.claim('k999', 60_000)).toBe(false)
    expect(store.claim('k899', 60_000)).toBe(true)
  })

  it('uses the real clock by default', () => {
    const store = new MemoryStore()
    expect(store.claim('k', 60_000)).toBe(true)
    expect(store.claim('k', 60_000)).toBe(false)
  })

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '10'])(
    'refuses maxKeys %j at creation, naming the option',
    (maxKeys) => {
      expect(() => new MemoryStore({ maxKeys: maxKeys as number })).toThrow(/"maxKeys"/)
    },
  )
})
