import { describeConformance, subprocessTarget } from '@chathooks/conformance'
import { expect, it } from 'vitest'
import { addressSeen } from './address.ts'
import { BINARIES, bundled, cannotRun } from './runtime.ts'

const NAME = '@chathooks/hono webhookApp on Bun.serve'
const unavailable = cannotRun(BINARIES.bun)

if (unavailable === undefined) {
  const { outfile } = await bundled('bun.ts', ['bun', 'node'])
  const target = subprocessTarget({ command: [BINARIES.bun, outfile] })
  describeConformance(NAME, target)
  it(`hands the webhook the client address from hono/bun's getConnInfo [${NAME}]`, async () => {
    expect(await addressSeen(target)).toEqual({ address: '127.0.0.1' })
  })
} else {
  it.skip(`${NAME}: skipped, ${unavailable}`)
}
