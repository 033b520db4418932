import { z } from 'zod'
import type {
  BotSubscriptionUpdated,
  BusinessConnection,
  BusinessMessagesDeleted,
  CallbackQuery,
  Chat,
  ChatBoostRemoved,
  ChatBoostSource,
  ChatBoostUpdated,
  ChatJoinRequest,
  ChatMember,
  ChatMemberUpdated,
  ChosenInlineResult,
  InlineQuery,
  ManagedBotUpdated,
  Message,
  MessageEntity,
  MessageReactionCountUpdated,
  MessageReactionUpdated,
  PaidMediaPurchased,
  Poll,
  PollAnswer,
  PreCheckoutQuery,
  ReactionType,
  ShippingQuery,
  User,
} from './types.ts'
import type { TelegramEvents } from './update.ts'

// Each schema is annotated with the type it must produce, so tsc proves the two agree; the
// types are written out in types.ts because declarations cannot be emitted from z.infer here
// (isolatedDeclarations). Every object is loose: fields Telegram adds later pass through.

const int = z.int()
const text = z.string()
const flag = z.boolean()

const user: z.ZodType<User> = z.looseObject({
  id: int,
  is_bot: flag,
  first_name: text,
  last_name: text.optional(),
  username: text.optional(),
  language_code: text.optional(),
  is_premium: flag.optional(),
})

const chat: z.ZodType<Chat> = z.looseObject({
  id: int,
  type: text,
  title: text.optional(),
  username: text.optional(),
  first_name: text.optional(),
  last_name: text.optional(),
  is_forum: flag.optional(),
})

const entity: z.ZodType<MessageEntity> = z.looseObject({
  type: text,
  offset: int,
  length: int,
  url: text.optional(),
  user: user.optional(),
  language: text.optional(),
  custom_emoji_id: text.optional(),
})

const message: z.ZodType<Message> = z.looseObject({
  message_id: int,
  message_thread_id: int.optional(),
  from: user.optional(),
  sender_chat: chat.optional(),
  date: int,
  business_connection_id: text.optional(),
  chat,
  edit_date: int.optional(),
  media_group_id: text.optional(),
  text: text.optional(),
  entities: z.array(entity).optional(),
  caption: text.optional(),
  caption_entities: z.array(entity).optional(),
  guest_query_id: text.optional(),
})

const businessConnection: z.ZodType<BusinessConnection> = z.looseObject({
  id: text,
  user,
  user_chat_id: int,
  date: int,
  is_enabled: flag,
})

const businessMessagesDeleted: z.ZodType<BusinessMessagesDeleted> = z.looseObject({
  business_connection_id: text,
  chat,
  message_ids: z.array(int),
})

const reaction: z.ZodType<ReactionType> = z.looseObject({
  type: text,
  emoji: text.optional(),
  custom_emoji_id: text.optional(),
})

const messageReaction: z.ZodType<MessageReactionUpdated> = z.looseObject({
  chat,
  message_id: int,
  user: user.optional(),
  actor_chat: chat.optional(),
  date: int,
  old_reaction: z.array(reaction),
  new_reaction: z.array(reaction),
})

const messageReactionCount: z.ZodType<MessageReactionCountUpdated> = z.looseObject({
  chat,
  message_id: int,
  date: int,
  reactions: z.array(z.looseObject({ type: reaction, total_count: int })),
})

const inlineQuery: z.ZodType<InlineQuery> = z.looseObject({
  id: text,
  from: user,
  query: text,
  offset: text,
  chat_type: text.optional(),
})

const chosenInlineResult: z.ZodType<ChosenInlineResult> = z.looseObject({
  result_id: text,
  from: user,
  query: text,
  inline_message_id: text.optional(),
})

const callbackQuery: z.ZodType<CallbackQuery> = z.looseObject({
  id: text,
  from: user,
  message: message.optional(),
  inline_message_id: text.optional(),
  chat_instance: text,
  data: text.optional(),
  game_short_name: text.optional(),
})

const shippingQuery: z.ZodType<ShippingQuery> = z.looseObject({
  id: text,
  from: user,
  invoice_payload: text,
  shipping_address: z.looseObject({
    country_code: text,
    state: text,
    city: text,
    street_line1: text,
    street_line2: text,
    post_code: text,
  }),
})

const preCheckoutQuery: z.ZodType<PreCheckoutQuery> = z.looseObject({
  id: text,
  from: user,
  currency: text,
  total_amount: int,
  invoice_payload: text,
  shipping_option_id: text.optional(),
})

const paidMediaPurchased: z.ZodType<PaidMediaPurchased> = z.looseObject({
  from: user,
  paid_media_payload: text,
})

const poll: z.ZodType<Poll> = z.looseObject({
  id: text,
  question: text,
  options: z.array(z.looseObject({ text, voter_count: int })),
  total_voter_count: int,
  is_closed: flag,
  is_anonymous: flag,
  type: text,
  allows_multiple_answers: flag,
})

const pollAnswer: z.ZodType<PollAnswer> = z.looseObject({
  poll_id: text,
  voter_chat: chat.optional(),
  user: user.optional(),
  option_ids: z.array(int),
})

const member: z.ZodType<ChatMember> = z.looseObject({ status: text, user })

const chatMemberUpdated: z.ZodType<ChatMemberUpdated> = z.looseObject({
  chat,
  from: user,
  date: int,
  old_chat_member: member,
  new_chat_member: member,
  via_join_request: flag.optional(),
})

const chatJoinRequest: z.ZodType<ChatJoinRequest> = z.looseObject({
  chat,
  from: user,
  user_chat_id: int,
  date: int,
  bio: text.optional(),
})

const boostSource: z.ZodType<ChatBoostSource> = z.looseObject({
  source: text,
  user: user.optional(),
})

const chatBoost: z.ZodType<ChatBoostUpdated> = z.looseObject({
  chat,
  boost: z.looseObject({
    boost_id: text,
    add_date: int,
    expiration_date: int,
    source: boostSource,
  }),
})

const removedChatBoost: z.ZodType<ChatBoostRemoved> = z.looseObject({
  chat,
  boost_id: text,
  remove_date: int,
  source: boostSource,
})

const managedBot: z.ZodType<ManagedBotUpdated> = z.looseObject({ user, bot: user })

const subscription: z.ZodType<BotSubscriptionUpdated> = z.looseObject({
  user,
  invoice_payload: text,
  state: text,
})

/** The schema of each event: `update_id` and the update type's object; `'*'` checks the id only. */
export type TelegramSchemas = {
  readonly [Name in keyof TelegramEvents]: z.ZodType<TelegramEvents[Name]>
}

const update_id = int.nonnegative()

/** One schema per update type, built once when the module loads. */
export const schemas: TelegramSchemas = {
  '*': z.looseObject({ update_id }),
  message: z.looseObject({ update_id, message }),
  edited_message: z.looseObject({ update_id, edited_message: message }),
  channel_post: z.looseObject({ update_id, channel_post: message }),
  edited_channel_post: z.looseObject({ update_id, edited_channel_post: message }),
  business_connection: z.looseObject({ update_id, business_connection: businessConnection }),
  business_message: z.looseObject({ update_id, business_message: message }),
  edited_business_message: z.looseObject({ update_id, edited_business_message: message }),
  deleted_business_messages: z.looseObject({
    update_id,
    deleted_business_messages: businessMessagesDeleted,
  }),
  guest_message: z.looseObject({ update_id, guest_message: message }),
  message_reaction: z.looseObject({ update_id, message_reaction: messageReaction }),
  message_reaction_count: z.looseObject({
    update_id,
    message_reaction_count: messageReactionCount,
  }),
  inline_query: z.looseObject({ update_id, inline_query: inlineQuery }),
  chosen_inline_result: z.looseObject({ update_id, chosen_inline_result: chosenInlineResult }),
  callback_query: z.looseObject({ update_id, callback_query: callbackQuery }),
  shipping_query: z.looseObject({ update_id, shipping_query: shippingQuery }),
  pre_checkout_query: z.looseObject({ update_id, pre_checkout_query: preCheckoutQuery }),
  purchased_paid_media: z.looseObject({ update_id, purchased_paid_media: paidMediaPurchased }),
  poll: z.looseObject({ update_id, poll }),
  poll_answer: z.looseObject({ update_id, poll_answer: pollAnswer }),
  my_chat_member: z.looseObject({ update_id, my_chat_member: chatMemberUpdated }),
  chat_member: z.looseObject({ update_id, chat_member: chatMemberUpdated }),
  chat_join_request: z.looseObject({ update_id, chat_join_request: chatJoinRequest }),
  chat_boost: z.looseObject({ update_id, chat_boost: chatBoost }),
  removed_chat_boost: z.looseObject({ update_id, removed_chat_boost: removedChatBoost }),
  managed_bot: z.looseObject({ update_id, managed_bot: managedBot }),
  subscription: z.looseObject({ update_id, subscription }),
}
