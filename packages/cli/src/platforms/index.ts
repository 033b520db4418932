import { CliError } from '../cli-error.ts'
import { clustaarPlatform } from './clustaar.ts'
import { langbotPlatform } from './langbot.ts'
import { pararamPlatform } from './pararam.ts'
import { telegramPlatform } from './telegram.ts'
import { type CliEvent, type CliPlatform, camelCase, type PlatformName } from './types.ts'
import { viberPlatform } from './viber.ts'

export type { BuildSample, CliEvent, CliPlatform, PlatformName, SampleOptions } from './types.ts'

/** Every platform the CLI signs for, in the order help and the demo list them. */
export const PLATFORMS: readonly CliPlatform[] = [
  telegramPlatform,
  viberPlatform,
  pararamPlatform,
  clustaarPlatform,
  langbotPlatform,
]

/** The platforms' CLI names, for commander's `choices`. */
export const PLATFORM_NAMES: readonly PlatformName[] = PLATFORMS.map(({ name }) => name)

/**
 * The platform of a CLI name.
 *
 * @throws CliError `usage` naming the valid platforms.
 * @example
 * ```ts
 * const platform = findPlatform('viber')
 * ```
 */
export function findPlatform(name: string): CliPlatform {
  const platform = PLATFORMS.find((candidate) => candidate.name === name)
  if (platform === undefined) {
    throw new CliError(
      'usage',
      `unknown platform "${name}"; platforms: ${PLATFORM_NAMES.join(', ')}`,
    )
  }
  return platform
}

/**
 * The event of a platform by its builder's name (`conversationStarted`) or the platform's own
 * (`conversation_started`).
 *
 * @throws CliError `unknown_event` listing the platform's events.
 * @example
 * ```ts
 * const event = findEvent(findPlatform('viber'), 'conversation_started')
 * ```
 */
export function findEvent(platform: CliPlatform, name: string): CliEvent {
  const event = platform.events.find((candidate) =>
    [candidate.name, candidate.alias].includes(name),
  )
  if (event === undefined) {
    throw new CliError(
      'unknown_event',
      `unknown ${platform.name} event "${name}"; events: ${eventList(platform)}`,
    )
  }
  return event
}

/**
 * A platform's events as help and errors list them: the builders' names, with the platform's
 * own name where it is not just the snake_case of it (`push (message)`).
 */
export function eventList(platform: CliPlatform): string {
  return platform.events
    .map(({ name, alias }) => (camelCase(alias) === name ? name : `${name} (${alias})`))
    .join(', ')
}
