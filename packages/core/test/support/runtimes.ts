import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, expect } from 'vitest'

// The runtimes' real binaries, not the `.bin` shims: a signal sent to a shim never reaches the
// runtime, and a killed shim leaves workerd running.
const modules = (path: string) =>
  fileURLToPath(new URL(`../../node_modules/${path}`, import.meta.url))
export const BUN = modules('bun/bin/bun.exe')
export const DENO = modules('deno/deno')
const WORKERD = modules('workerd/bin/workerd')

/** Export conditions per runtime, as each one's bundler or loader applies them. */
export const CONDITIONS = {
  node: ['node'],
  bun: ['bun', 'node'],
  deno: ['deno', 'node'],
  workerd: ['workerd', 'worker', 'browser'],
} as const

/**
 * A scratch folder for one test file, removed after it, where scenarios are bundled with a
 * runtime's export conditions and run on the real runtime.
 */
export function runtimeHarness(prefix: string) {
  const work = mkdtempSync(join(tmpdir(), prefix))
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  /** Bundles `entry` for a runtime; resolves with the source files that went in. */
  async function bundle(entry: string, conditions: readonly string[], out: string) {
    const result = await build({
      entryPoints: [entry],
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

  /** Runs a bundle to completion and reads the JSON it printed. */
  function run(command: string, args: readonly string[]): unknown {
    const result = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000, cwd: work })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    return JSON.parse(result.stdout)
  }

  /** Serves `worker.js` from the scratch folder with workerd and reads the JSON of one GET. */
  async function runWorkerd(): Promise<unknown> {
    writeFileSync(join(work, 'config.capnp'), WORKERD_CONFIG)
    const port = await freePort()
    const child = spawn(
      WORKERD,
      ['serve', 'config.capnp', '--socket-addr', `http=127.0.0.1:${port}`],
      { cwd: work, stdio: 'ignore' },
    )
    const exited = new Promise((resolve) => child.once('exit', resolve))
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
      await exited
    }
  }

  return { bundle, run, runWorkerd }
}

const WORKERD_CONFIG = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2025-09-01",
);
`

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()))
    })
  })
}
