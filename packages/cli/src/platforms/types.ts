import type { WebhookRequest } from '@chathooks/core'
import type { DeliveryOptions } from '@chathooks/core/testing'

/** The names the CLI knows platforms by. */
export type PlatformName = 'telegram' | 'viber' | 'pararam' | 'clustaar' | 'langbot'

/** What a sample builder is given: the secret, the delivery options and the `--data` fields. */
export interface SampleOptions extends DeliveryOptions {
  readonly secret: string
  readonly [field: string]: unknown
}

/** Builds one signed sample delivery, its url relative to the mount point. */
export type BuildSample = (options: SampleOptions) => Promise<WebhookRequest>

/** One event the CLI can send, by the builder's name and the platform's own. */
export interface CliEvent {
  /** The builder's name in `@chathooks/core/testing`, the CLI's name: `conversationStarted`. */
  readonly name: string
  /** The platform's own name, accepted too: `conversation_started`. */
  readonly alias: string
  readonly build: BuildSample
}

/** What the CLI knows of a platform: its samples, how it signs, and what its secret is. */
export interface CliPlatform {
  readonly name: PlatformName
  readonly title: string
  /** What the platform calls the secret `--secret` stands for. */
  readonly secretIs: string
  /** The events `send` builds, the main one first. */
  readonly events: readonly CliEvent[]
  /** The builder options a `--data` file may set. */
  readonly fields: readonly string[]
  /** How long a signature stays valid, in seconds; `undefined` when nothing signed expires. */
  readonly windowSeconds: number | undefined
  /** The path below the mount point that a message is posted to. */
  path(secret: string): Promise<string>
  /** The headers that sign exact body bytes as sent at `now` (epoch milliseconds). */
  sign(body: Uint8Array, secret: string, now: number): Promise<Record<string, string>>
}

/**
 * A builder of `@chathooks/core/testing` as a `BuildSample`: the CLI checks the `--data` field
 * names against the platform's list, and the builder checks their values.
 *
 * @example
 * ```ts
 * const build = sample(testing.viber.message)
 * ```
 */
export function sample<Options>(
  builder: (options: Options) => Promise<WebhookRequest>,
): BuildSample {
  return (options) => builder(options as unknown as Options)
}

/**
 * The camelCase builder name of a platform's event name: `conversation_started` gives
 * `conversationStarted`, `edited_message` gives `editedMessage`.
 *
 * @example
 * ```ts
 * camelCase('chat_join_request') // 'chatJoinRequest'
 * ```
 */
export function camelCase(name: string): string {
  return name.replace(/[_.]([a-z])/g, (_, letter: string) => letter.toUpperCase())
}

/**
 * The snake_case event name of a camelCase builder name: `chatJoinRequest` gives
 * `chat_join_request`.
 *
 * @example
 * ```ts
 * snakeCase('editedMessage') // 'edited_message'
 * ```
 */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)
}
