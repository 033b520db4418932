import type { Delivery } from '../../deliver.ts'
import type { EventContext } from '../../platform.ts'
import type { HttpBotHelpers, TurnPush } from './helpers.ts'
import type { Outbox } from './outbox.ts'
import type { ReplyContent } from './reply.ts'
import type { MessagePayload, Segment } from './schema.ts'
import type { PendingTurn, Push } from './sessions.ts'
import { Turn } from './turn.ts'

/** What a push needs to run its turn: its parsed request and the core's delivery handle. */
export interface BotEntry {
  readonly context: EventContext
  readonly delivery: Delivery<ReplyContent, HttpBotHelpers>
}

export interface TurnRunnerOptions {
  readonly outbox: Outbox
  readonly now: () => number
}

/**
 * Runs one turn: the handlers see one event (the pushes' messages merged), reply through its
 * `reply`, and what they return is the last part. A merged turn runs with its first push's
 * delivery, so its parts are that push's background work; when a handler throws, every
 * merged push's idempotency claim is released, as core does for a single one.
 */
export function createTurnRunner(
  options: TurnRunnerOptions,
): (turn: PendingTurn<BotEntry>) => Promise<void> {
  return async ({ pushes, sync }) => {
    const first = pushes[0] as Push<BotEntry>
    const { delivery } = first.entry
    const turn = new Turn({
      sessionId: first.sessionId,
      replyTo: first.acceptedMessageId,
      now: options.now,
      sync,
      send: (part) =>
        delivery.background(
          options.outbox.enqueue({ ...part, report: (error) => delivery.report(error) }),
        ),
    })
    const helpers: HttpBotHelpers = {
      reply: (content, replyOptions) => turn.reply(content, replyOptions),
      replyTo: first.acceptedMessageId,
      pushes: pushes.map(toTurnPush),
    }
    try {
      const { value } = await delivery.run({ context: merge(pushes), helpers })
      if (value !== undefined) {
        try {
          turn.reply(value)
        } catch (error) {
          await delivery.report(error)
        }
      }
      turn.end()
    } catch {
      turn.fail()
      await Promise.all(pushes.slice(1).map((push) => push.entry.delivery.release()))
    }
  }
}

function toTurnPush(push: Push<BotEntry>): TurnPush {
  return {
    acceptedMessageId: push.acceptedMessageId,
    payload: push.entry.context.payload as MessagePayload,
  }
}

/** One event for several pushes: the first one's fields, every message joined by a newline. */
function merge(pushes: readonly Push<BotEntry>[]): EventContext {
  const first = (pushes[0] as Push<BotEntry>).entry.context
  if (pushes.length === 1) return first
  const message: Segment[] = []
  for (const [index, push] of pushes.entries()) {
    if (index > 0) message.push({ type: 'Plain', text: '\n' })
    message.push(...(push.entry.context.payload as MessagePayload).message)
  }
  return { ...first, payload: { ...(first.payload as MessagePayload), message } }
}
