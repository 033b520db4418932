import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { BUN, CONDITIONS, DENO, runtimeHarness } from './support/runtimes.ts'

// Core claims Node, Bun, Deno and workerd. Each runs the same scenario from a bundle built with
// that runtime's export conditions, so Node, Bun and Deno run the node:crypto build and workerd
// the Web Crypto one, and each must answer exactly what a user expects.
const expected: Record<string, string> = {
  'hmac, handle': '200 {"echo":7,"runs":1}',
  'hmac, repeat': '200 {}',
  'hmac, fetch': '200 {"echo":8,"runs":2}',
  'hmac, tampered':
    '401 {"error":"signature_invalid","message":"X-Signature does not match the body"}',
  'hmac, missing': '401 {"error":"signature_missing","message":"Missing X-Signature header"}',
  'hmac, too large':
    '413 {"error":"body_too_large","message":"The body exceeds maxBodyBytes (64 bytes)"}',
  'invalid json': '400 {"error":"invalid_json","message":"The body is not valid UTF-8 JSON"}',
  'invalid payload': expect.stringMatching(/^400 \{"error":"invalid_payload",.*"path":"id"/),
  'sha512 base64': '200 {"echo":3,"runs":1}',
  'timestamped, in window': '200 {"echo":4,"runs":1}',
  'timestamped, expired': expect.stringMatching(/^401 \{"error":"timestamp_out_of_window"/),
  'timestamped, future': expect.stringMatching(/^401 \{"error":"timestamp_out_of_window"/),
  'basic auth, utf-8 and colon': '200 {"echo":10,"runs":1}',
  'basic auth, wrong': expect.stringMatching(/^401 \{"error":"unauthorized"/),
  'ip, mapped v4 inside': '200 {"echo":11,"runs":1}',
  'ip, v6 inside': '200 {"echo":12,"runs":2}',
  'ip, outside': '403 {"error":"forbidden_ip","message":"The client address is not allowed"}',
  'viber vector': '200 {"verified":true}',
  'clustaar vector': '200 {"verified":true}',
  'rfc 4231 sha512 base64':
    '400 {"error":"invalid_json","message":"The body is not valid UTF-8 JSON"}',
}

const entry = (name: string) => fileURLToPath(new URL(`runtimes/${name}`, import.meta.url))
const { bundle, run, runWorkerd } = runtimeHarness('chathooks-runtimes-')

describe('the same scenario on every supported runtime', () => {
  it('answers as expected on Node with the node:crypto build', async () => {
    const inputs = await bundle(entry('main.ts'), CONDITIONS.node, 'node.mjs')
    expect(inputs.some((input) => input.endsWith('crypto/node.ts'))).toBe(true)
    expect(run(process.execPath, ['node.mjs'])).toEqual(expected)
  })

  it('answers as expected on Bun', async () => {
    await bundle(entry('main.ts'), CONDITIONS.bun, 'bun.mjs')
    expect(run(BUN, ['bun.mjs'])).toEqual(expected)
  })

  it('answers as expected on Deno', async () => {
    await bundle(entry('main.ts'), CONDITIONS.deno, 'deno.mjs')
    expect(run(DENO, ['run', '--quiet', '--no-config', 'deno.mjs'])).toEqual(expected)
  })

  it('answers as expected on workerd with the Web Crypto build', async () => {
    const inputs = await bundle(entry('worker.ts'), CONDITIONS.workerd, 'worker.js')
    expect(inputs.some((input) => input.endsWith('crypto/web.ts'))).toBe(true)
    expect(await runWorkerd()).toEqual(expected)
  })
}, 60_000)
