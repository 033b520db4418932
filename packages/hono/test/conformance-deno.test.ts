import { describeConformance, subprocessTarget } from '@chathooks/conformance'
import { expect, it } from 'vitest'
import { addressSeen } from './address.ts'
import { BINARIES, bundled, cannotRun } from './runtime.ts'

const NAME = '@chathooks/hono webhookApp on Deno.serve'
const unavailable = cannotRun(BINARIES.deno)

if (unavailable === undefined) {
  const { outfile } = await bundled('deno.ts', ['deno', 'node'])
  const target = subprocessTarget({
    command: [
      BINARIES.deno,
      'run',
      '--quiet',
      '--no-config',
      '--no-prompt',
      '--allow-net',
      outfile,
    ],
  })
  describeConformance(NAME, target)
  it(`hands the webhook the client address from hono/deno's getConnInfo [${NAME}]`, async () => {
    expect(await addressSeen(target)).toEqual({ address: '127.0.0.1' })
  })
} else {
  it.skip(`${NAME}: skipped, ${unavailable}`)
}
