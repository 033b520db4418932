import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describeConformance, subprocessTarget } from '@chathooks/conformance'
import { request, toRequest } from '@chathooks/core/testing'
import { expect, it } from 'vitest'
import { addressSeen } from './address.ts'
import { BINARIES, bundled, cannotRun } from './runtime.ts'
import { WAIT_TOKEN } from './targets/app.ts'

const NAME = '@chathooks/hono webhookApp on workerd'
const unavailable = cannotRun(BINARIES.workerd)

// The worker waits at the scenario's gate, a promise that a later request resolves; workerd
// cancels such work as hung unless the flag lets a promise be resolved across requests.
const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.mjs")],
  compatibilityDate = "2025-09-01",
  compatibilityFlags = ["no_handle_cross_request_promise_resolution"],
);
`

/** The processes whose command line names `folder`: the workerd children of this file. */
function runningIn(folder: string): string[] {
  const { stdout } = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
  return stdout.split('\n').filter((line) => line.includes(folder))
}

if (unavailable === undefined) {
  const { work, outfile, inputs } = await bundled('worker.ts', ['workerd', 'worker', 'browser'])
  const configFile = join(work, 'config.capnp')
  writeFileSync(configFile, config)
  const target = subprocessTarget({
    command: (port) => [
      BINARIES.workerd,
      'serve',
      configFile,
      '--socket-addr',
      `http=127.0.0.1:${port}`,
    ],
    cannotDrain:
      'workerd keeps ack-first work alive through waitUntil and has no drain on shutdown',
  })

  it(`bundles the worker with no node: module [${NAME}]`, () => {
    // External imports are no inputs, so the bundle itself is searched, for any form of import.
    expect(readFileSync(outfile, 'utf8')).not.toMatch(/["']node:/)
    expect(inputs.some((input) => input.endsWith('crypto/web.ts'))).toBe(true)
  })

  describeConformance(NAME, target)

  it(`keeps ack-first work alive with executionCtx.waitUntil [${NAME}]`, async () => {
    const started = await target.start()
    try {
      const post = (url: string) =>
        fetch(
          toRequest(request({ url, body: '{}', headers: { 'x-token': WAIT_TOKEN } }), started.url),
        )
      // The control goes first: had its work outlived its request, it would finish first.
      expect((await post('/unkept')).status).toBe(200)
      expect((await post('/wait-until')).status).toBe(200)
      let finished: unknown
      for (let attempt = 0; attempt < 100; attempt++) {
        finished = await (await fetch(`${started.url}/finished`)).json()
        if ((finished as { withAdapter: number }).withAdapter > 0) break
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      expect(finished).toEqual({ withAdapter: 1, withoutWaitUntil: 0 })
    } finally {
      await started.close()
    }
  })

  it(`hands the webhook the address from hono/cloudflare-workers' getConnInfo [${NAME}]`, async () => {
    const seen = await addressSeen(target, { 'cf-connecting-ip': '203.0.113.7' })
    expect(seen).toEqual({ address: '203.0.113.7' })
  })

  it(`leaves no workerd process running [${NAME}]`, () => {
    expect(runningIn(work)).toEqual([])
  })
} else {
  it.skip(`${NAME}: skipped, ${unavailable}`)
}
