import type { Io } from '../io.ts'
import type { Output } from '../output.ts'
import { curlSamples } from './curl-lines.ts'

/**
 * `demo --serve`, once the table is printed: prints a freshly signed `curl` line per platform
 * (again on each Enter when stdin is a terminal, as Clustaar's expire after 10 s and LangBot's
 * after 300 s) and keeps serving until the process is told to stop.
 *
 * @example
 * ```ts
 * await keepServing(output, io, server.url)
 * ```
 */
export async function keepServing(output: Output, io: Io, origin: string): Promise<void> {
  const print = async () => {
    const samples = await curlSamples(origin)
    if (output.json)
      return output.value({
        curl: samples.map(({ platform, event, curl, expiresAt }) => ({
          platform: platform.name,
          event,
          curl,
          expiresAt: expiresAt === undefined ? null : new Date(expiresAt).toISOString(),
        })),
      })
    output.line()
    output.line(output.paint.bold('Try it by hand: each line below is signed and ready to paste.'))
    for (const { platform, event, curl, expiresAt } of samples) {
      const window =
        expiresAt === undefined
          ? 'no expiry; a second run of the same line is a duplicate'
          : `valid for ${platform.windowSeconds} s, until ${new Date(expiresAt).toTimeString().slice(0, 8)}`
      output.line()
      output.line(
        `${output.paint.cyan(`# ${platform.name} ${event}`)} ${output.paint.dim(`(${window})`)}`,
      )
      output.line(curl)
    }
    output.line()
    const again = io.stdin.isTTY === true ? 'Enter prints fresh lines, ' : ''
    output.line(output.paint.dim(`Serving on ${origin}: ${again}Ctrl-C stops.`))
  }
  const onData = () => void print()
  const stopped = io.stopped()
  await print()
  if (io.stdin.isTTY === true) io.stdin.on('data', onData)
  await stopped
  io.stdin.off('data', onData)
  io.stdin.pause()
}
