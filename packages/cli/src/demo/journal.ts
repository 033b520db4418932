import type { Report } from '../bots/report.ts'
import type { PlatformName } from '../platforms/index.ts'

/** One thing a handler did. */
export interface Entry {
  readonly platform: PlatformName
  readonly event: string
  readonly did: string
}

/** What the demo's handlers did, collected as they report it. */
export interface Journal {
  /** The `report` callback to give the bot of `platform`. */
  reporter(platform: PlatformName): Report
  /** The entries reported since the last call, oldest first. */
  take(): Entry[]
  /** From now on, hands each entry to `listener` as it is reported instead of keeping it. */
  follow(listener: (entry: Entry) => void): void
}

/**
 * A journal of the handlers' reports. The demo sends one request at a time and waits for
 * any background work it starts, so what was reported in between is that request's doing.
 *
 * @example
 * ```ts
 * const journal = createJournal()
 * const bot = telegramBot({ secret, report: journal.reporter('telegram') })
 * ```
 */
export function createJournal(): Journal {
  let entries: Entry[] = []
  let follower: ((entry: Entry) => void) | undefined
  return {
    reporter: (platform) => (event, did) => {
      if (follower === undefined) entries.push({ platform, event, did })
      else follower({ platform, event, did })
    },
    take() {
      const taken = entries
      entries = []
      return taken
    },
    follow(listener) {
      follower = listener
    },
  }
}
