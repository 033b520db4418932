import type { Chat, Message, User } from './types.ts'
import type { UpdateObjects, UpdateType } from './update.ts'

/** What a sample update is made from; each builder fills in its defaults. */
export interface SampleInput {
  /** Unix seconds. */
  readonly date: number
  readonly userId: number
  /** Default: the user's private chat, or the sample channel for channel updates. */
  readonly chatId: number | undefined
  readonly text: string
  readonly data: string
  readonly query: string
}

const BOT: User = {
  id: 7123456789,
  is_bot: true,
  first_name: 'chathooks',
  username: 'chathooks_bot',
}
const CHANNEL_ID = -1001987654321
const GROUP: Chat = { id: -1001234567890, type: 'supergroup', title: 'Café & Code' }
const MESSAGE_ID = 42

function user(input: SampleInput): User {
  return {
    id: input.userId,
    is_bot: false,
    first_name: 'Ana',
    username: 'ana',
    language_code: 'pt',
  }
}

function chat(input: SampleInput): Chat {
  const id = input.chatId ?? input.userId
  if (id < 0) return { id, type: 'supergroup', title: GROUP.title }
  return { id, type: 'private', first_name: 'Ana', username: 'ana' }
}

function channel(input: SampleInput): Chat {
  return { id: input.chatId ?? CHANNEL_ID, type: 'channel', title: 'chathooks news' }
}

// A leading /command carries its bot_command entity, as Telegram sends it.
function message(input: SampleInput): Message {
  const command = /^\/\w+/.exec(input.text)?.[0]
  return {
    message_id: MESSAGE_ID,
    from: user(input),
    chat: chat(input),
    date: input.date,
    text: input.text,
    ...(command === undefined
      ? {}
      : { entities: [{ offset: 0, length: command.length, type: 'bot_command' }] }),
  }
}

function post(input: SampleInput): Message {
  const from = channel(input)
  return {
    message_id: MESSAGE_ID,
    sender_chat: from,
    chat: from,
    date: input.date,
    text: input.text,
  }
}

const edited = (sent: Message): Message => ({ ...sent, date: sent.date - 60, edit_date: sent.date })
const CONNECTION = 'BCAAAAbG1x9sWQ'

/** A realistic object for every update type, built from the builder's options. */
export const SAMPLES: {
  readonly [Type in UpdateType]: (input: SampleInput) => UpdateObjects[Type]
} = {
  message,
  edited_message: (input) => edited(message(input)),
  channel_post: post,
  edited_channel_post: (input) => edited(post(input)),
  business_connection: (input) => ({
    id: CONNECTION,
    user: user(input),
    user_chat_id: input.userId,
    date: input.date,
    is_enabled: true,
  }),
  business_message: (input) => ({ ...message(input), business_connection_id: CONNECTION }),
  edited_business_message: (input) =>
    edited({ ...message(input), business_connection_id: CONNECTION }),
  deleted_business_messages: (input) => ({
    business_connection_id: CONNECTION,
    chat: chat(input),
    message_ids: [MESSAGE_ID - 1, MESSAGE_ID],
  }),
  guest_message: (input) => ({
    ...message({ ...input, chatId: input.chatId ?? GROUP.id }),
    guest_query_id: 'GQ-5512093',
  }),
  message_reaction: (input) => ({
    chat: chat(input),
    message_id: MESSAGE_ID,
    user: user(input),
    date: input.date,
    old_reaction: [],
    new_reaction: [{ type: 'emoji', emoji: '👍' }],
  }),
  message_reaction_count: (input) => ({
    chat: channel(input),
    message_id: MESSAGE_ID,
    date: input.date,
    reactions: [{ type: { type: 'emoji', emoji: '🔥' }, total_count: 3 }],
  }),
  inline_query: (input) => ({
    id: '8573264917364592',
    from: user(input),
    query: input.query,
    offset: '',
    chat_type: 'sender',
  }),
  chosen_inline_result: (input) => ({ result_id: 'r-1', from: user(input), query: input.query }),
  callback_query: (input) => ({
    id: '4382bfdwdsb323b2d9',
    from: user(input),
    message: { ...message(input), from: BOT, text: 'Pick one:' },
    chat_instance: '-6571245183256721',
    data: input.data,
  }),
  shipping_query: (input) => ({
    id: 'sq-3041',
    from: user(input),
    invoice_payload: 'order-1042',
    shipping_address: {
      country_code: 'PT',
      state: '',
      city: 'Lisboa',
      street_line1: 'Rua Augusta 1',
      street_line2: '',
      post_code: '1100-048',
    },
  }),
  pre_checkout_query: (input) => ({
    id: 'pcq-3041',
    from: user(input),
    currency: 'EUR',
    total_amount: 1250,
    invoice_payload: 'order-1042',
  }),
  purchased_paid_media: (input) => ({ from: user(input), paid_media_payload: 'album-7' }),
  poll: () => ({
    id: '5785993848062951427',
    question: 'Lunch?',
    options: [
      { text: 'Pizza', voter_count: 2 },
      { text: 'Sushi', voter_count: 1 },
    ],
    total_voter_count: 3,
    is_closed: true,
    is_anonymous: false,
    type: 'regular',
    allows_multiple_answers: false,
  }),
  poll_answer: (input) => ({ poll_id: '5785993848062951427', user: user(input), option_ids: [0] }),
  my_chat_member: (input) => ({
    chat: chat(input),
    from: user(input),
    date: input.date,
    old_chat_member: { status: 'member', user: BOT },
    new_chat_member: { status: 'kicked', user: BOT },
  }),
  chat_member: (input) => ({
    chat: chat({ ...input, chatId: input.chatId ?? GROUP.id }),
    from: user(input),
    date: input.date,
    old_chat_member: { status: 'left', user: user(input) },
    new_chat_member: { status: 'member', user: user(input) },
  }),
  chat_join_request: (input) => ({
    chat: chat({ ...input, chatId: input.chatId ?? GROUP.id }),
    from: user(input),
    user_chat_id: input.userId,
    date: input.date,
    bio: 'Backend dev, coffee first',
  }),
  chat_boost: (input) => ({
    chat: channel(input),
    boost: {
      boost_id: 'boost-77',
      add_date: input.date,
      expiration_date: input.date + 30 * 24 * 60 * 60,
      source: { source: 'premium', user: user(input) },
    },
  }),
  removed_chat_boost: (input) => ({
    chat: channel(input),
    boost_id: 'boost-77',
    remove_date: input.date,
    source: { source: 'premium', user: user(input) },
  }),
  managed_bot: (input) => ({
    user: user(input),
    bot: { id: 7000000001, is_bot: true, first_name: 'Ana Helper', username: 'ana_helper_bot' },
  }),
  subscription: (input) => ({
    user: user(input),
    invoice_payload: 'plan-monthly',
    state: 'canceled',
  }),
}
