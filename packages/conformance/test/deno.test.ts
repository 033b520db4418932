import { describeConformance, subprocessTarget } from '../src/index.ts'
import { BINARIES, bundled } from './runtime.ts'

const { outfile: script } = await bundled('deno-serve.ts', ['deno', 'node'])

describeConformance(
  'webhook.fetch on Deno.serve',
  subprocessTarget({
    command: [BINARIES.deno, 'run', '--quiet', '--no-config', '--no-prompt', '--allow-net', script],
  }),
)
