import { describeConformance, subprocessTarget } from '../src/index.ts'
import { BINARIES, bundled } from './runtime.ts'

const { outfile: script } = await bundled('bun-serve.ts', ['bun', 'node'])

describeConformance(
  'webhook.fetch on Bun.serve',
  subprocessTarget({ command: [BINARIES.bun, script] }),
)

// The path workerd takes: a port handed to the child instead of a printed origin, and
// ack-first work checked by releasing it, as close() cannot drain there.
describeConformance(
  'webhook.fetch on Bun.serve, given a port, as a target that cannot drain',
  subprocessTarget({
    command: (port) => [BINARIES.bun, script, String(port)],
    cannotDrain: 'Bun standing in for workerd, to check the release path',
  }),
)
