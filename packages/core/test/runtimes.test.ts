import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, describe, expect, it } from 'vitest'

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

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const bin = (name: string) => here(`../node_modules/.bin/${name}`)
const work = mkdtempSync(join(tmpdir(), 'chathooks-runtimes-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

async function bundle(entry: string, conditions: string[], out: string): Promise<string[]> {
  const result = await build({
    entryPoints: [here(`runtimes/${entry}`)],
    outfile: join(work, out),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['@chathooks/source', ...conditions],
    external: ['node:*'],
    metafile: true,
    logLevel: 'silent',
  })
  return Object.keys(result.metafile.inputs)
}

function run(command: string, args: string[]): unknown {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000, cwd: work })
  expect(result.stderr).toBe('')
  expect(result.status).toBe(0)
  return JSON.parse(result.stdout)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()))
    })
  })
}

async function runWorkerd(): Promise<unknown> {
  writeFileSync(
    join(work, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2025-09-01",
);
`,
  )
  const port = await freePort()
  const child = spawn(
    bin('workerd'),
    ['serve', 'config.capnp', '--socket-addr', `http=127.0.0.1:${port}`],
    {
      cwd: work,
      stdio: 'ignore',
    },
  )
  try {
    // Bounded wait for the socket: 100 tries, 100 ms apart.
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        return await (await fetch(`http://127.0.0.1:${port}/`)).json()
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
    throw new Error('workerd did not answer within 10 s')
  } finally {
    child.kill('SIGKILL')
  }
}

describe('the same scenario on every supported runtime', () => {
  it('answers as expected on Node with the node:crypto build', async () => {
    const inputs = await bundle('main.ts', ['node'], 'node.mjs')
    expect(inputs.some((input) => input.endsWith('crypto/node.ts'))).toBe(true)
    expect(run(process.execPath, ['node.mjs'])).toEqual(expected)
  })

  it('answers as expected on Bun', async () => {
    await bundle('main.ts', ['bun', 'node'], 'bun.mjs')
    expect(run(bin('bun'), ['bun.mjs'])).toEqual(expected)
  })

  it('answers as expected on Deno', async () => {
    await bundle('main.ts', ['deno', 'node'], 'deno.mjs')
    expect(run(bin('deno'), ['run', '--quiet', '--no-config', 'deno.mjs'])).toEqual(expected)
  })

  it('answers as expected on workerd with the Web Crypto build', async () => {
    const inputs = await bundle('worker.ts', ['workerd', 'worker', 'browser'], 'worker.js')
    expect(inputs.some((input) => input.endsWith('crypto/web.ts'))).toBe(true)
    expect(await runWorkerd()).toEqual(expected)
  })
}, 60_000)
