import { z } from 'zod'

/** What every pararam delivery, message or action, carries. */
export interface PararamBase {
  readonly user_id: number
  readonly chat_id: number
  /** The post's number in its chat; with `chat_id` it names the post. */
  readonly post_no: number
  readonly organization_id: number | null
}

/** A post the bot was sent or mentioned in, delivered to `POST /{url_key}`. */
export interface PararamMessage extends PararamBase {
  readonly user_unique_name: string
  readonly text: string
  readonly text_parsed: readonly unknown[] | null
  /** The post this one replies to, and its text. */
  readonly reply_no: number | null
  readonly reply_text: string | null
  readonly file_guid: string | null
  readonly file_name: string | null
  readonly attachments: readonly string[] | null
}

/** A click on a `bot://` link in one of the bot's posts, delivered to `POST /{url_key}/act`. */
export interface PararamAction extends PararamBase {
  /** The link's action name. */
  readonly action: string
  /** The link's parameters; `{}` when it has none. */
  readonly params: Readonly<Record<string, string>>
}

/** The pararam events by name; `'*'` handlers see the fields both share. */
export type PararamEvents = {
  message: PararamMessage
  action: PararamAction
  '*': PararamBase
}

// Fields that may be null are also accepted when absent and then read as null, so a handler
// tests one value, not two.
const orNull = <T extends z.ZodType>(schema: T) => schema.nullable().default(null)

const base = {
  user_id: z.int(),
  chat_id: z.int(),
  post_no: z.int(),
  organization_id: orNull(z.int()),
}

/** The shared fields; loose, so unknown fields pass through. */
export const baseSchema: z.ZodType<PararamBase> = z.looseObject(base)

export const messageSchema: z.ZodType<PararamMessage> = z.looseObject({
  ...base,
  user_unique_name: z.string(),
  text: z.string(),
  text_parsed: orNull(z.array(z.unknown())),
  reply_no: orNull(z.int()),
  reply_text: orNull(z.string()),
  file_guid: orNull(z.string()),
  file_name: orNull(z.string()),
  attachments: orNull(z.array(z.string())),
})

export const actionSchema: z.ZodType<PararamAction> = z.looseObject({
  ...base,
  action: z.string(),
  params: z.record(z.string(), z.string()).default({}),
})
