import type { ReplyContent, ReplyOptions } from './reply.ts'
import type { MessagePayload } from './schema.ts'

/** One push a turn answers, with the id its 202 gave it. */
export interface TurnPush {
  readonly acceptedMessageId: string
  readonly payload: MessagePayload
}

/** What every handler of `httpBot` gets besides the payload. */
export interface HttpBotHelpers {
  /**
   * Sends one reply part, as many times as the turn needs: each call is one signed callback.
   * The last part of the turn (the handler's returned value, else the last `reply`) is marked
   * `is_final`. Throws a `TypeError` on content that is not a reply, a `LangBotError`
   * `turn_ended` after the final part, and a `TypeError` in a `reset` handler.
   */
  reply(content: ReplyContent, options?: ReplyOptions): void
  /** The `reply_to` of every part: the first merged push's `accepted_message_id`; `''` on reset. */
  readonly replyTo: string
  /** The pushes this turn answers, in arrival order: one, or several when aggregated. */
  readonly pushes: readonly TurnPush[]
}

/** A reset has no turn: there is nothing to reply to. */
export const RESET_HELPERS: HttpBotHelpers = {
  reply() {
    throw new TypeError('reply: a reset event has no turn to reply in')
  },
  replyTo: '',
  pushes: [],
}
