import type {
  BotSubscriptionUpdated,
  BusinessConnection,
  BusinessMessagesDeleted,
  CallbackQuery,
  ChatBoostRemoved,
  ChatBoostUpdated,
  ChatJoinRequest,
  ChatMemberUpdated,
  ChosenInlineResult,
  InlineQuery,
  ManagedBotUpdated,
  Message,
  MessageReactionCountUpdated,
  MessageReactionUpdated,
  PaidMediaPurchased,
  Poll,
  PollAnswer,
  PreCheckoutQuery,
  ShippingQuery,
} from './types.ts'

/** Each update type of the Bot API, by the `Update` field that carries it. */
export interface UpdateObjects {
  message: Message
  edited_message: Message
  channel_post: Message
  edited_channel_post: Message
  business_connection: BusinessConnection
  business_message: Message
  edited_business_message: Message
  deleted_business_messages: BusinessMessagesDeleted
  guest_message: Message
  message_reaction: MessageReactionUpdated
  message_reaction_count: MessageReactionCountUpdated
  inline_query: InlineQuery
  chosen_inline_result: ChosenInlineResult
  callback_query: CallbackQuery
  shipping_query: ShippingQuery
  pre_checkout_query: PreCheckoutQuery
  purchased_paid_media: PaidMediaPurchased
  poll: Poll
  poll_answer: PollAnswer
  my_chat_member: ChatMemberUpdated
  chat_member: ChatMemberUpdated
  chat_join_request: ChatJoinRequest
  chat_boost: ChatBoostUpdated
  removed_chat_boost: ChatBoostRemoved
  managed_bot: ManagedBotUpdated
  subscription: BotSubscriptionUpdated
}

/** An update type's name: the `Update` field that carries it, and the event it is routed as. */
export type UpdateType = keyof UpdateObjects

/** The update of one type: its `update_id` and that one field. */
export type UpdateOf<Type extends UpdateType> = { readonly update_id: number } & {
  readonly [Field in Type]: UpdateObjects[Field]
}

/** Any update, as `'*'` handlers see it; fields of update types newer than this list are untyped. */
export type TelegramUpdate = { readonly update_id: number } & {
  readonly [Field in UpdateType]?: UpdateObjects[Field] | undefined
} & { readonly [field: string]: unknown }

/** The preset's events: one per update type, and `'*'` for every update. */
export type TelegramEvents = { readonly '*': TelegramUpdate } & {
  readonly [Type in UpdateType]: UpdateOf<Type>
}

/**
 * Every update type of the Bot API (10.x), in the order of its documentation: the names
 * handlers register for, and a ready `allowed_updates` list for `setWebhook`.
 */
export const TELEGRAM_UPDATE_TYPES: readonly UpdateType[] = Object.freeze([
  'message',
  'edited_message',
  'channel_post',
  'edited_channel_post',
  'business_connection',
  'business_message',
  'edited_business_message',
  'deleted_business_messages',
  'guest_message',
  'message_reaction',
  'message_reaction_count',
  'inline_query',
  'chosen_inline_result',
  'callback_query',
  'shipping_query',
  'pre_checkout_query',
  'purchased_paid_media',
  'poll',
  'poll_answer',
  'my_chat_member',
  'chat_member',
  'chat_join_request',
  'chat_boost',
  'removed_chat_boost',
  'managed_bot',
  'subscription',
] as const)

/**
 * The event name of an update: the update type field it carries. A field of a type newer than
 * this list names the event after itself, so `'*'` handlers receive it under that name; an
 * update with no field besides `update_id` is `'*'`. Anything but an object is left to the
 * schema, which refuses it.
 */
export function updateType(payload: unknown): string {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return '*'
  for (const type of TELEGRAM_UPDATE_TYPES) if (Object.hasOwn(payload, type)) return type
  return Object.keys(payload).find((field) => field !== 'update_id') ?? '*'
}
