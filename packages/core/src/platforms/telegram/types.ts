// The main fields of the Bot API objects an update carries, as schema.ts checks them. Optional
// fields say `| undefined` because that is what the zod schemas produce; fields not named here
// still reach the handler, untyped, since every schema is loose.

/** A Telegram user or bot. Ids have at most 52 significant bits, so they are exact numbers. */
export interface User {
  readonly id: number
  readonly is_bot: boolean
  readonly first_name: string
  readonly last_name?: string | undefined
  readonly username?: string | undefined
  readonly language_code?: string | undefined
  readonly is_premium?: boolean | undefined
}

/** A chat: `type` is `private`, `group`, `supergroup` or `channel`. */
export interface Chat {
  readonly id: number
  readonly type: string
  readonly title?: string | undefined
  readonly username?: string | undefined
  readonly first_name?: string | undefined
  readonly last_name?: string | undefined
  readonly is_forum?: boolean | undefined
}

/** A special span of a text or caption: a command, a link, a mention, bold text... */
export interface MessageEntity {
  readonly type: string
  readonly offset: number
  readonly length: number
  readonly url?: string | undefined
  readonly user?: User | undefined
  readonly language?: string | undefined
  readonly custom_emoji_id?: string | undefined
}

/** A message, channel post, business or guest message; `date` is Unix seconds. */
export interface Message {
  readonly message_id: number
  readonly message_thread_id?: number | undefined
  readonly from?: User | undefined
  readonly sender_chat?: Chat | undefined
  readonly date: number
  readonly business_connection_id?: string | undefined
  readonly chat: Chat
  readonly edit_date?: number | undefined
  readonly media_group_id?: string | undefined
  readonly text?: string | undefined
  readonly entities?: readonly MessageEntity[] | undefined
  readonly caption?: string | undefined
  readonly caption_entities?: readonly MessageEntity[] | undefined
  /** Set on a `guest_message`: the id `answerGuestQuery` answers. */
  readonly guest_query_id?: string | undefined
}

/** The bot was connected to or disconnected from a business account. */
export interface BusinessConnection {
  readonly id: string
  readonly user: User
  readonly user_chat_id: number
  readonly date: number
  readonly is_enabled: boolean
}

/** Messages deleted from a connected business account. */
export interface BusinessMessagesDeleted {
  readonly business_connection_id: string
  readonly chat: Chat
  readonly message_ids: readonly number[]
}

/** A reaction: `type` is `emoji`, `custom_emoji` or `paid`. */
export interface ReactionType {
  readonly type: string
  readonly emoji?: string | undefined
  readonly custom_emoji_id?: string | undefined
}

/** A user changed their reactions to a message. */
export interface MessageReactionUpdated {
  readonly chat: Chat
  readonly message_id: number
  readonly user?: User | undefined
  readonly actor_chat?: Chat | undefined
  readonly date: number
  readonly old_reaction: readonly ReactionType[]
  readonly new_reaction: readonly ReactionType[]
}

/** The anonymous reaction counts of a message changed. */
export interface MessageReactionCountUpdated {
  readonly chat: Chat
  readonly message_id: number
  readonly date: number
  readonly reactions: readonly { readonly type: ReactionType; readonly total_count: number }[]
}

/** An incoming inline query. */
export interface InlineQuery {
  readonly id: string
  readonly from: User
  readonly query: string
  readonly offset: string
  readonly chat_type?: string | undefined
}

/** The inline result a user chose and sent. */
export interface ChosenInlineResult {
  readonly result_id: string
  readonly from: User
  readonly query: string
  readonly inline_message_id?: string | undefined
}

/** A press on an inline keyboard button; answer it with `answerCallbackQuery`. */
export interface CallbackQuery {
  readonly id: string
  readonly from: User
  /** The message with the button; its `date` is 0 when the message is no longer accessible. */
  readonly message?: Message | undefined
  readonly inline_message_id?: string | undefined
  readonly chat_instance: string
  readonly data?: string | undefined
  readonly game_short_name?: string | undefined
}

/** Where an order ships to. */
export interface ShippingAddress {
  readonly country_code: string
  readonly state: string
  readonly city: string
  readonly street_line1: string
  readonly street_line2: string
  readonly post_code: string
}

/** A shipping query, for invoices with a flexible price. */
export interface ShippingQuery {
  readonly id: string
  readonly from: User
  readonly invoice_payload: string
  readonly shipping_address: ShippingAddress
}

/** A pre-checkout query; `total_amount` is in the currency's smallest units. */
export interface PreCheckoutQuery {
  readonly id: string
  readonly from: User
  readonly currency: string
  readonly total_amount: number
  readonly invoice_payload: string
  readonly shipping_option_id?: string | undefined
}

/** A user bought paid media that the bot sent with a payload. */
export interface PaidMediaPurchased {
  readonly from: User
  readonly paid_media_payload: string
}

/** A poll's state: `type` is `regular` or `quiz`. */
export interface Poll {
  readonly id: string
  readonly question: string
  readonly options: readonly { readonly text: string; readonly voter_count: number }[]
  readonly total_voter_count: number
  readonly is_closed: boolean
  readonly is_anonymous: boolean
  readonly type: string
  readonly allows_multiple_answers: boolean
}

/** A vote in a non-anonymous poll; empty `option_ids` is a retracted vote. */
export interface PollAnswer {
  readonly poll_id: string
  readonly voter_chat?: Chat | undefined
  readonly user?: User | undefined
  readonly option_ids: readonly number[]
}

/** A member of a chat: `status` is `creator`, `administrator`, `member`, `restricted`, `left` or `kicked`. */
export interface ChatMember {
  readonly status: string
  readonly user: User
}

/** A chat member's status changed (`my_chat_member` for the bot itself, `chat_member` for others). */
export interface ChatMemberUpdated {
  readonly chat: Chat
  readonly from: User
  readonly date: number
  readonly old_chat_member: ChatMember
  readonly new_chat_member: ChatMember
  readonly via_join_request?: boolean | undefined
}

/** A request to join a chat. */
export interface ChatJoinRequest {
  readonly chat: Chat
  readonly from: User
  readonly user_chat_id: number
  readonly date: number
  readonly bio?: string | undefined
}

/** Where a boost came from: `source` is `premium`, `gift_code` or `giveaway`. */
export interface ChatBoostSource {
  readonly source: string
  readonly user?: User | undefined
}

/** A chat boost was added or changed. */
export interface ChatBoostUpdated {
  readonly chat: Chat
  readonly boost: {
    readonly boost_id: string
    readonly add_date: number
    readonly expiration_date: number
    readonly source: ChatBoostSource
  }
}

/** A boost was removed from a chat. */
export interface ChatBoostRemoved {
  readonly chat: Chat
  readonly boost_id: string
  readonly remove_date: number
  readonly source: ChatBoostSource
}

/** A bot managed by this bot was created, or its token or owner changed. */
export interface ManagedBotUpdated {
  readonly user: User
  readonly bot: User
}

/** A user's payment subscription to the bot changed: `state` is `canceled`, `active` or `failed`. */
export interface BotSubscriptionUpdated {
  readonly user: User
  readonly invoice_payload: string
  readonly state: string
}
