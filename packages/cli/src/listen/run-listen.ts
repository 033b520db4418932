import type { ListenOptions } from '../commands/listen.ts'
import type { Io } from '../io.ts'
import { createOutput } from '../output.ts'
import { formatPart } from './format-part.ts'
import { startReceiver } from './receiver.ts'

/**
 * `chathooks listen`: a LangBot callback receiver that prints each new reply part, and each
 * refused request, until the process is told to stop.
 *
 * @throws CliError `listen_failed` when the port is taken.
 * @example
 * ```ts
 * await runListen({ secret, port: 8081, host: '127.0.0.1' }, processIo())
 * ```
 */
export async function runListen(options: ListenOptions, io: Io): Promise<void> {
  const output = createOutput(io, { json: options.json === true })
  const { paint } = output
  const server = await startReceiver({
    secret: options.secret,
    port: options.port,
    host: options.host,
    onPart: (part) => (output.json ? output.value({ part }) : output.line(formatPart(part, paint))),
    onRefused: (status, reason) =>
      output.json
        ? output.value({ refused: { status, reason } })
        : output.line(paint.red(`refused ${status} ${reason}`)),
  })
  // Ready to stop before saying it listens: a script may stop it as soon as it reads that.
  const stopped = io.stopped()
  if (output.json) output.value({ listening: server.url })
  else output.line(`listening for LangBot callbacks on ${paint.bold(server.url)} (Ctrl-C stops)`)
  await stopped
  await server.close()
}
