// The Bot API objects a reply's parameters are made of: keyboards, reply targets and link
// previews. Optional fields accept `undefined`, which is left out of the JSON.

/** A button of an inline keyboard; exactly one of the optional fields is set. */
export interface InlineKeyboardButton {
  readonly text: string
  readonly url?: string | undefined
  readonly callback_data?: string | undefined
  readonly web_app?: { readonly url: string } | undefined
  readonly switch_inline_query?: string | undefined
  readonly switch_inline_query_current_chat?: string | undefined
  readonly copy_text?: { readonly text: string } | undefined
  readonly pay?: boolean | undefined
}

/** A keyboard under a message. */
export interface InlineKeyboardMarkup {
  readonly inline_keyboard: readonly (readonly InlineKeyboardButton[])[]
}

/** A button of a reply keyboard. */
export interface KeyboardButton {
  readonly text: string
  readonly request_contact?: boolean | undefined
  readonly request_location?: boolean | undefined
  readonly web_app?: { readonly url: string } | undefined
}

/** A keyboard that replaces the user's own. */
export interface ReplyKeyboardMarkup {
  readonly keyboard: readonly (readonly KeyboardButton[])[]
  readonly is_persistent?: boolean | undefined
  readonly resize_keyboard?: boolean | undefined
  readonly one_time_keyboard?: boolean | undefined
  readonly input_field_placeholder?: string | undefined
  readonly selective?: boolean | undefined
}

/** Removes a reply keyboard. */
export interface ReplyKeyboardRemove {
  readonly remove_keyboard: true
  readonly selective?: boolean | undefined
}

/** Opens a reply to the bot's message in the user's app. */
export interface ForceReply {
  readonly force_reply: true
  readonly input_field_placeholder?: string | undefined
  readonly selective?: boolean | undefined
}

/** Any keyboard a message can carry. */
export type ReplyMarkup =
  | InlineKeyboardMarkup
  | ReplyKeyboardMarkup
  | ReplyKeyboardRemove
  | ForceReply

/** The message a reply answers. */
export interface ReplyParameters {
  readonly message_id: number
  readonly chat_id?: number | string | undefined
  readonly allow_sending_without_reply?: boolean | undefined
  readonly quote?: string | undefined
}

/** How the link preview of a message looks. */
export interface LinkPreviewOptions {
  readonly is_disabled?: boolean | undefined
  readonly url?: string | undefined
  readonly prefer_small_media?: boolean | undefined
  readonly prefer_large_media?: boolean | undefined
  readonly show_above_text?: boolean | undefined
}
