import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { AnyWebhook } from '@chathooks/core'
import { serve } from '@chathooks/node'
import { onTestFinished } from 'vitest'

/** The built bin, as `npx chathooks` runs it. */
export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url))

/** Any ANSI escape sequence. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape byte is what is looked for
export const ANSI = /\u001b\[/

/** A stack trace line, which no user-facing error may print. */
export const STACK = /^\s+at /m

export interface RunOptions {
  /** Variables set over a clean environment (no colour, no secret). */
  readonly env?: Readonly<Record<string, string>>
  /** Written to stdin, which is then closed. Default: nothing. */
  readonly stdin?: string
}

export interface Finished {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

// What the parent's environment may carry that would change the CLI's output.
const LEAKS = ['FORCE_COLOR', 'NO_COLOR', 'CHATHOOKS_SECRET']

function environment(env: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const clean = { ...process.env }
  for (const name of LEAKS) delete clean[name]
  return { ...clean, ...env }
}

/**
 * Runs the built `chathooks` with `args` to its end (at most 20 s), with pipes for stdio (so
 * not a terminal), and resolves with its exit code and output.
 */
export function chathooks(args: readonly string[], options: RunOptions = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: environment(options.env),
      timeout: 20_000,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(options.stdin ?? '')
  })
}

/** A `chathooks` server command running in the background. */
export interface Running {
  /** The URL it printed first, as `{"listening": url}` with `--json`, or in its first line. */
  readonly url: string
  /** Every stdout line so far. */
  readonly lines: readonly string[]
  /** Resolves with the first stdout line (seen or to come) that `match` accepts. */
  waitFor(match: (line: string) => boolean): Promise<string>
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>
}

/**
 * Starts a long-running `chathooks` command (`serve`, `listen`) with `--port 0`, waits for the
 * address it prints, and stops it when the test ends.
 */
export async function start(args: readonly string[], options: RunOptions = {}): Promise<Running> {
  const child = spawn(process.execPath, [BIN, ...args], { env: environment(options.env) })
  const lines: string[] = []
  const waiting = new Set<() => void>()
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line)
    for (const wake of waiting) wake()
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
  const running: Running = {
    url: '',
    lines,
    waitFor: (match) => waitForLine(child, lines, waiting, match, () => stderr),
    async stop() {
      child.kill('SIGTERM')
      return exited
    },
  }
  onTestFinished(async () => {
    if (child.exitCode === null) await running.stop()
  })
  const first = await running.waitFor(() => true)
  const url = /"listening":"([^"]+)"/.exec(first)?.[1] ?? /(http:\/\/\S+)/.exec(first)?.[1]
  if (url === undefined) throw new Error(`no address in the first line: ${first}`)
  return { ...running, url: url.replace(/\/$/, '') }
}

function waitForLine(
  child: ChildProcess,
  lines: readonly string[],
  waiting: Set<() => void>,
  match: (line: string) => boolean,
  stderr: () => string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const line = lines.find(match)
      if (line === undefined) return
      done()
      resolve(line)
    }
    const gone = () => {
      done()
      reject(new Error(`chathooks exited before the line came; stderr: ${stderr()}`))
    }
    const timer = setTimeout(() => {
      done()
      reject(new Error(`no such line within 10 s; lines: ${lines.join('\n')}`))
    }, 10_000)
    const done = () => {
      clearTimeout(timer)
      waiting.delete(check)
      child.off('exit', gone)
    }
    waiting.add(check)
    child.once('exit', gone)
    check()
  })
}

/** Serves webhooks on 127.0.0.1 with `@chathooks/node`, closed when the test ends. */
export async function served(webhooks: AnyWebhook | Record<string, AnyWebhook>): Promise<string> {
  const server = await serve(webhooks, { port: 0 })
  onTestFinished(() => server.close())
  return server.url
}

/** A port on 127.0.0.1 that nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** Each line of output parsed as JSON. */
export function jsonLines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown)
}
