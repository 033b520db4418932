import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, describe, expect, it } from 'vitest'

// The delivery code claims Node, Bun, Deno and Workers: each runs one scenario, from a bundle
// built with that runtime's export conditions, and must answer the same.
const expected = {
  push: [202, 0, true],
  repeat: [409, 40901],
  sync: [
    200,
    [
      { type: 'Plain', text: 'looking at s-2' },
      { type: 'Plain', text: 'fixed' },
    ],
  ],
  reset: [200, true],
  tampered: [401, 40101],
  parts: ['s-1#1: looking at s-1', 's-1#2 final: fixed'],
  attempts: 3,
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const bin = (name: string) => here(`../../../node_modules/.bin/${name}`)
const work = mkdtempSync(join(tmpdir(), 'chathooks-langbot-'))
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

describe('both LangBot ends on every supported runtime', () => {
  it('deliver, retry and drain on Node', async () => {
    await bundle('main.ts', ['node'], 'node.mjs')
    expect(run(process.execPath, ['node.mjs'])).toEqual(expected)
  })

  it('deliver, retry and drain on Bun', async () => {
    await bundle('main.ts', ['bun', 'node'], 'bun.mjs')
    expect(run(bin('bun'), ['bun.mjs'])).toEqual(expected)
  })

  it('deliver, retry and drain on Deno', async () => {
    await bundle('main.ts', ['deno', 'node'], 'deno.mjs')
    expect(run(bin('deno'), ['run', '--quiet', '--no-config', 'deno.mjs'])).toEqual(expected)
  })

  it('deliver, retry and drain on workerd, with the Web Crypto build', async () => {
    const inputs = await bundle('worker.ts', ['workerd', 'worker', 'browser'], 'worker.js')
    expect(inputs.some((input) => input.endsWith('crypto/web.ts'))).toBe(true)
    expect(await runWorkerd()).toEqual(expected)
  })
}, 60_000)
