import { type UrlKeyOptions, urlKey, type Verifier } from '@chathooks/core'
import { request } from '@chathooks/core/testing'
import { describe, expect, it } from 'vitest'
import * as harness from './harness.ts'

const key = 'k3yA1b2C'
const fixture =
  '{\n  "user_id": 7,\n  "chat_id": 42,\n  "post_no": 1,\n  "text": "Хорошо 👍 \\u00e9"\n}\n'

const verdict = (verifier: Verifier, path: string) =>
  harness.verdict(verifier, request({ url: path }))

describe('urlKey', () => {
  const verifier = urlKey({ key })

  it.each([`/${key}`, `/${key}/`, `/${key}/act`])(
    'accepts the key as the first segment of %s',
    async (path) => {
      expect(await verdict(verifier, path)).toBe('passed')
    },
  )

  it.each([
    ['another key', '/k3yA1b2D'],
    ['the key one character short', `/${key.slice(0, -1)}`],
    ['the key with a character added', `/${key}x`],
    ['the key in another case', `/${key.toUpperCase()}`],
    ['the key in the second segment', `/act/${key}`],
    ['the root path', '/'],
    ['an empty first segment', `//${key}`],
    ['a malformed percent-encoding', '/%E0%A4%A'],
  ])('refuses %s with not_found', async (_, path) => {
    expect(await verdict(verifier, path)).toBe('not_found')
  })

  it('accepts a key sent percent-encoded', async () => {
    const unicode = urlKey({ key: 'ключ key' })
    expect(await verdict(unicode, `/${encodeURIComponent('ключ key')}/act`)).toBe('passed')
    expect(await verdict(verifier, '/k3yA1b2%43')).toBe('passed')
  })

  it('accepts every key of a rotation list and no other', async () => {
    const rotating = urlKey({ key: ['newKey01', 'oldKey01'] })
    expect(await verdict(rotating, '/newKey01')).toBe('passed')
    expect(await verdict(rotating, '/oldKey01/act')).toBe('passed')
    expect(await verdict(rotating, '/thirdKey')).toBe('not_found')
  })

  describe('through createWebhook', () => {
    const serve = (url: string) =>
      harness.serve(urlKey({ key }), request({ url, body: fixture }), ['/:key', '/:key/act'])

    it.each([`/${key}`, `/${key}/act`])('runs the handler on %s', async (url) => {
      const { status, json, ran } = await serve(url)
      expect(status).toBe(200)
      expect(json).toEqual({ handled: true })
      expect(ran).toBe(true)
    })

    it.each(['/wrongKey', '/wrongKey/act', `/${key.slice(0, -1)}`])(
      'answers %s exactly as it answers a path that does not exist',
      async (url) => {
        const wrong = await serve(url)
        const unknown = await serve(`/${key}/act/unknown`)
        expect(wrong.status).toBe(404)
        expect(wrong.json).toEqual({ error: 'not_found', message: expect.any(String) })
        expect([wrong.status, wrong.headers, wrong.text]).toEqual([
          unknown.status,
          unknown.headers,
          unknown.text,
        ])
        expect(wrong.ran).toBe(false)
        expect(wrong.text).not.toContain(key)
      },
    )
  })

  describe('configuration', () => {
    it.each([
      ['a missing key', {}, 'key'],
      ['an empty key', { key: '' }, 'key'],
      ['an empty rotation list', { key: [] }, 'key'],
      ['a key with a slash', { key: 'abc/def' }, 'key'],
      ['a slash in one key of a list', { key: ['abcdefgh', 'a/'] }, 'key'],
      ['an unknown option', { key, secret: key }, 'secret'],
    ])('throws at creation on %s, naming the option', (_, options, option) => {
      const create = () => urlKey(options as unknown as UrlKeyOptions)
      expect(create).toThrow(TypeError)
      expect(create).toThrow(`"${option}"`)
      expect(create).not.toThrow(key)
    })
  })
})
