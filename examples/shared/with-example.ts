import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import type { Readable } from 'node:stream'

/** How a smoke test runs its example. */
export interface Run {
  /** The example's folder, `import.meta.dirname` of its smoke test: the command runs there. */
  readonly dir: string
  /** Added to this process's environment, as are `PORT=0` and `HOST=127.0.0.1`. */
  readonly env: Readonly<Record<string, string>>
  /** `[command, ...args]` to run; default the example's `start` script. */
  readonly command?: readonly string[]
  /**
   * Reads the origin from a pipe handed to the child as fd 3, for a server that reports its
   * port there (workerd's `--control-fd 3`). Default: the `listening on <origin>` line the
   * example prints.
   */
  readonly control?: (pipe: Readable) => Promise<string>
  /** Sends the requests and checks the answers, given the origin the example listens on. */
  readonly test: (origin: string) => Promise<void>
}

/**
 * Starts the example, by default exactly what `pnpm start` runs, on a free port; hands `test`
 * the origin it listens on, then stops it with SIGTERM and expects exit code 0. The example is
 * stopped whatever `test` did, killed if it is still running 5 s after SIGTERM, and killed
 * with the smoke test failing if the whole run takes over 30 s.
 *
 * @throws AssertionError when the example does not exit 0; whatever `test` throws.
 * @example
 * await withExample({
 *   dir: import.meta.dirname,
 *   env: { TELEGRAM_SECRET_TOKEN: secret },
 *   test: (origin) => expectAnswers(`${origin}/telegram`, checks),
 * })
 */
export async function withExample(run: Run): Promise<void> {
  const [command = '', ...args] = run.command ?? script(run.dir, 'start')
  const child = spawn(command, args, {
    cwd: run.dir,
    env: { ...process.env, ...run.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit', run.control ? 'pipe' : 'ignore'],
  })
  const exited = once(child, 'exit') as Promise<[number | null]>
  const deadline = setTimeout(() => {
    child.kill('SIGKILL')
    console.error('smoke: not done within 30 s')
    process.exit(1)
  }, 30_000)
  const stop = async () => {
    child.kill('SIGTERM')
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    const [code] = await exited
    clearTimeout(killer)
    clearTimeout(deadline)
    return code
  }
  let output = ''
  const origin = new Promise<string>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk
      const url = /listening on (http:\/\/[\w.:[\]]+)/.exec(output)?.[1]
      if (url !== undefined && run.control === undefined) resolve(url)
    })
    if (run.control) run.control(child.stdio[3] as Readable).then(resolve, reject)
    exited.then(
      ([code]) => reject(new Error(`the example exited (${code}) before it listened:\n${output}`)),
      reject,
    )
  })
  try {
    await run.test(await origin)
  } catch (error) {
    await stop()
    throw error
  }
  assert.equal(await stop(), 0, 'the example exits 0 on SIGTERM')
  console.info('ok - the example shuts down cleanly on SIGTERM')
}

/**
 * One script of the example's package.json as `[command, ...args]`, to run that command with
 * no package manager in between: SIGTERM then reaches the server, and its own exit code comes
 * back.
 *
 * @throws Error when the package.json has no such script.
 * @example
 * const [command = '', ...args] = script(import.meta.dirname, 'bundle')
 */
export function script(dir: string, name: string): string[] {
  const manifest = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) as Manifest
  const line = manifest.scripts[name]
  if (line === undefined) throw new Error(`${dir}/package.json has no "${name}" script`)
  return line.split(' ')
}

interface Manifest {
  readonly scripts: Readonly<Record<string, string>>
}
