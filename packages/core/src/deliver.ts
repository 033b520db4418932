import type { EventContext, EventMap, Platform } from './platform.ts'
import type { WebhookResponse } from './request.ts'

/** What the handlers of one delivery produced. */
export interface RunOutcome<Reply = unknown> {
  /** Whether any handler's event name and filter matched. */
  readonly matched: boolean
  /** The first value a handler returned; `undefined` when none did. */
  readonly value: Reply | undefined
}

/** How a platform's `deliver` runs the handlers of a verified, parsed, first-seen delivery. */
export interface Delivery<Reply = unknown, Helpers extends object = object> {
  /** The webhook's `respond` option. */
  readonly respond: 'after-handler' | 'ack-first'
  /**
   * Runs the handlers for the delivery's context, or for another one (several deliveries
   * merged into one event), with the platform's helpers or the ones given. A handler that
   * throws is reported to `onError`, the delivery's idempotency claim is released, and the
   * promise rejects with a `WebhookError` `handler_failed`.
   */
  run(options?: RunOptions<Helpers>): Promise<RunOutcome<Reply>>
  /**
   * Runs the handlers for the delivery's context and encodes their answer as the webhook would
   * (the reply, else the ack, else the unhandled answer). A value the platform cannot encode
   * fails like a throwing handler: reported, the claim released, `handler_failed`.
   */
  answer(): Promise<WebhookResponse>
  /** Keeps work alive after the answer: `close()` waits for it and Workers' `waitUntil` gets it. */
  background(work: Promise<unknown>): void
  /** Gives a failure outside any handler (work the platform does in the background) to `onError`. */
  report(error: unknown): Promise<void>
  /** Forgets the delivery's idempotency claim, so the sender's retry of a refused delivery runs. */
  release(): Promise<void>
}

/** What `Delivery.run` may override. */
export interface RunOptions<Helpers extends object = object> {
  readonly context?: EventContext
  readonly helpers?: Helpers
}

/** The answer for an outcome: the encoded reply, else the ack, else the unhandled answer. */
export function answer<Reply>(
  platform: Pick<Platform<EventMap, Reply>, 'reply' | 'ack' | 'unhandled'>,
  outcome: RunOutcome<Reply>,
  context: EventContext,
): WebhookResponse {
  if (outcome.value !== undefined) return platform.reply(outcome.value, context)
  return outcome.matched ? platform.ack(context) : (platform.unhandled ?? platform.ack)(context)
}
