/**
 * How a bot tells what its handler did, in a few words (`sendMessage "You said: hi"`): `serve`
 * prints it, the demo puts it in its table.
 */
export type Report = (event: string, did: string) => void

/** What every bot is made with. */
export interface BotOptions {
  /** The platform's secret: the one `--secret` names. */
  readonly secret: string
  readonly report: Report
}

/** Text for a report line: quoted, on one line, cut at `max` characters. */
export function quoted(text: string, max = 48): string {
  const line = text.replace(/\s+/g, ' ')
  return JSON.stringify(line.length > max ? `${line.slice(0, max - 1)}…` : line)
}

/** Reports a handler's failure as its bot's last word on the event. */
export function reportFailure(report: Report) {
  return (error: unknown, event?: { readonly name: string }): void => {
    report(event?.name ?? 'request', `failed: ${error instanceof Error ? error.message : error}`)
  }
}
