import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { connect, createServer } from 'node:net'
import { createInterface } from 'node:readline'
import type { Observations } from './observer.ts'
import type { ConformanceTarget, StartedTarget } from './target.ts'

export interface SubprocessTargetOptions {
  /**
   * The program and its arguments; the program is the runtime's binary itself, not a
   * `node_modules/.bin` shim, which would not pass SIGTERM on. As a list, the child prints its origin (`http://127.0.0.1:…`)
   * on a line of its own once it listens. As a function, it receives a free port to listen on at
   * 127.0.0.1, for a program that cannot print (workerd), and the port is awaited instead.
   */
  readonly command: readonly string[] | ((port: number) => readonly string[])
  /** Default: this process's working directory. */
  readonly cwd?: string
  /** As `ConformanceTarget.cannotDrain`; the child is then just stopped by `close()`. */
  readonly cannotDrain?: string
  /** How long the child may take to listen, and to exit after SIGTERM. Default 15 000 ms. */
  readonly timeoutMs?: number
}

/**
 * A target that runs in a child process (Bun, Deno, workerd), started fresh for every test.
 * The child hosts `createScenario()`'s mounts; on SIGTERM it stops accepting, drains every
 * webhook, prints `JSON.stringify(scenario.observations())` as its last line and exits 0.
 * Output on stderr is shown when the child fails.
 *
 * @example
 * ```ts
 * describeConformance('Bun.serve', subprocessTarget({ command: [bun, 'bun-server.mjs'] }))
 * ```
 */
export function subprocessTarget(options: SubprocessTargetOptions): ConformanceTarget {
  const { cannotDrain, timeoutMs = 15_000 } = options
  return {
    ...(cannotDrain === undefined ? {} : { cannotDrain }),
    async start(): Promise<StartedTarget> {
      const port = typeof options.command === 'function' ? await freePort() : undefined
      const [program = '', ...args] =
        typeof options.command === 'function' ? options.command(port ?? 0) : options.command
      const child = spawn(program, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] })
      const output = watch(child)
      const failed = (what: string) => {
        child.kill('SIGKILL')
        return new Error(
          `${program} ${what}\nstdout: ${output.lines.join('\n')}\nstderr: ${output.stderr()}`,
        )
      }
      const listening = port === undefined ? output.firstLine : reachable(port, timeoutMs / 50)
      let onEarlyExit: () => void = () => undefined
      const exitedEarly = new Promise<never>((_, reject) => {
        onEarlyExit = () => reject(failed('exited before it listened'))
        child.once('exit', onEarlyExit)
      })
      const url = await bounded(Promise.race([listening, exitedEarly]), timeoutMs, () =>
        failed(`did not listen within ${timeoutMs} ms`),
      ).finally(() => child.off('exit', onEarlyExit))
      return {
        url: url.trim(),
        async close(): Promise<Observations | undefined> {
          child.kill('SIGTERM')
          const [code] = await bounded(output.exited, timeoutMs, () => failed('did not exit'))
          if (cannotDrain !== undefined) return undefined
          const last = output.lines.at(-1) ?? ''
          if (code !== 0 || !last.startsWith('{'))
            throw failed(`exited ${code} without observations`)
          return JSON.parse(last) as Observations
        },
      }
    },
  }
}

function watch(child: ChildProcess) {
  const lines: string[] = []
  let stderr = ''
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr += text
  })
  const reader = createInterface({ input: child.stdout as NodeJS.ReadableStream })
  reader.on('line', (line) => lines.push(line))
  return {
    lines,
    stderr: () => stderr,
    firstLine: once(reader, 'line').then(([line]) => String(line)),
    exited: once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>,
  }
}

function bounded<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()))
    })
  })
}

/** Resolves with the origin once the port accepts a connection, trying every 50 ms. */
async function reachable(port: number, attempts: number): Promise<string> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket
        .once('error', () => resolve(false))
        .once('connect', () => {
          socket.end()
          resolve(true)
        })
    })
    if (open) return `http://127.0.0.1:${port}`
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`nothing listened on 127.0.0.1:${port}`)
}
