import { describe, expect, expectTypeOf, it } from 'vitest'
import * as api from '../src/index.ts'
import { CliError, type Io, run } from '../src/index.ts'

/** An `Io` over strings, for running the CLI inside the test process. */
function memoryIo(stdin = '') {
  const written = { stdout: '', stderr: '' }
  const io: Io = {
    stdout: { write: (text: string) => (written.stdout += text) },
    stderr: { write: (text: string) => (written.stderr += text) },
    stdin: Object.assign(
      (async function* () {
        yield stdin
      })(),
      { on: () => undefined, off: () => undefined, pause: () => undefined },
    ),
    env: {},
    stopped: () => new Promise(() => {}),
  }
  return { io, written }
}

describe('the chathooks package', () => {
  it('exports run, processIo and CliError, and nothing else at runtime', () => {
    expect(Object.keys(api).sort()).toEqual(['CliError', 'processIo', 'run'])
  })

  it('runs a command on the streams it is given and resolves with the exit code', async () => {
    const { io, written } = memoryIo('{"event":"webhook"}')
    expect(await run(['sign', 'viber', '--secret', 'token', '--json'], io)).toBe(0)
    expect(JSON.parse(written.stdout)).toMatchObject({
      platform: 'viber',
      headers: { 'x-viber-content-signature': expect.stringMatching(/^[0-9a-f]{64}$/) },
    })
    expect(written.stderr).toBe('')
  })

  it('resolves 2 with the message on its stderr for a usage mistake', async () => {
    const { io, written } = memoryIo()
    expect(await run(['sign', 'slack', '--secret', 'token'], io)).toBe(2)
    expect(written.stderr).toBe(
      'error: unknown platform "slack"; platforms: telegram, viber, pararam, clustaar, langbot\n',
    )
  })

  it('types run, and CliError as an Error with a code and exit code 2', () => {
    expectTypeOf(run).toEqualTypeOf<(argv: readonly string[], io?: Io) => Promise<number>>()
    const error = new CliError('bad_data', 'data file x.json is not JSON')
    expectTypeOf(error.code).toEqualTypeOf<api.CliErrorCode>()
    expect(error).toBeInstanceOf(Error)
    expect(error.exitCode).toBe(2)
  })
})
