import { z } from 'zod'

// The types are written out because `isolatedDeclarations` cannot infer them from zod; each
// schema is annotated with its type, so tsc proves the schema produces exactly that shape.
// Every object is loose: fields Clustaar adds later reach handlers untouched.

/** A position, as Clustaar sends it for an interlocutor. */
export interface Coordinates {
  readonly lat: number
  readonly long: number
  readonly [key: string]: unknown
}

/** The person the bot talks to. */
export interface Interlocutor {
  readonly id: string
  readonly userID: string
  readonly customAttributes: Readonly<Record<string, string>>
  readonly externalID?: string | null | undefined
  readonly location?: Coordinates | null | undefined
  readonly email?: string | null | undefined
  readonly firstName?: string | null | undefined
  readonly lastName?: string | null | undefined
  readonly phoneNumber?: string | null | undefined
  readonly isLogged?: boolean | null | undefined
  readonly usedToTest?: boolean | null | undefined
  readonly [key: string]: unknown
}

/** The conversation's session values. */
export interface ConversationSession {
  readonly values: Readonly<Record<string, unknown>>
  readonly [key: string]: unknown
}

/** An action configured on the step, as Clustaar describes it. */
export interface StepActionData {
  readonly type: string
  readonly [key: string]: unknown
}

/** The step of the bot's flow that was reached. */
export interface Step {
  readonly id: string
  readonly name: string
  readonly userData: string
  readonly actions: readonly StepActionData[]
  readonly [key: string]: unknown
}

/**
 * What led to the step: a `message` (with `text` and `attachments`), a `url_loaded_event`
 * (`url`), a `custom_event` (`name`), a `go_to_action` (`target`), or a type added later.
 */
export interface StepInput {
  readonly type: string
  readonly text?: string | undefined
  readonly attachments?:
    | readonly { readonly type: string; readonly [key: string]: unknown }[]
    | undefined
  readonly url?: string | undefined
  readonly name?: string | undefined
  readonly [key: string]: unknown
}

/** The `data` of a `conversation.step_reached` notification. */
export interface StepReachedData {
  readonly type: 'step_reached_event'
  readonly channel: string
  readonly interlocutor: Interlocutor
  readonly session: ConversationSession
  readonly step: Step
  readonly input?: StepInput | undefined
  readonly [key: string]: unknown
}

/** A `conversation.step_reached` notification: the bot reached a step that calls the webhook. */
export interface StepReachedNotification {
  readonly botID: string
  /** Unix seconds. */
  readonly timestamp: number
  readonly topic: 'conversation.step_reached'
  readonly type: 'notification_event'
  readonly data: StepReachedData
  readonly [key: string]: unknown
}

/** Any notification, as `'*'` handlers see it: only the topic is known. */
export interface ClustaarNotification {
  readonly topic: string
  readonly [key: string]: unknown
}

const nullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional()

const coordinates: z.ZodType<Coordinates> = z.looseObject({ lat: z.number(), long: z.number() })

const interlocutor: z.ZodType<Interlocutor> = z.looseObject({
  id: z.string(),
  userID: z.string(),
  customAttributes: z.record(z.string(), z.string()),
  externalID: nullable(z.string()),
  location: nullable(coordinates),
  email: nullable(z.string()),
  firstName: nullable(z.string()),
  lastName: nullable(z.string()),
  phoneNumber: nullable(z.string()),
  isLogged: nullable(z.boolean()),
  usedToTest: nullable(z.boolean()),
})

const input: z.ZodType<StepInput> = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  attachments: z.array(z.looseObject({ type: z.string() })).optional(),
  url: z.string().optional(),
  name: z.string().optional(),
})

/** The schema of `conversation.step_reached`. */
export const stepReachedSchema: z.ZodType<StepReachedNotification> = z.looseObject({
  botID: z.string(),
  timestamp: z.number(),
  topic: z.literal('conversation.step_reached'),
  type: z.literal('notification_event'),
  data: z.looseObject({
    type: z.literal('step_reached_event'),
    channel: z.string(),
    interlocutor,
    session: z.looseObject({ values: z.record(z.string(), z.unknown()) }),
    step: z.looseObject({
      id: z.string(),
      name: z.string(),
      userData: z.string(),
      actions: z.array(z.looseObject({ type: z.string() })),
    }),
    input: input.optional(),
  }),
})

/** The schema every notification matches, whatever its topic. */
export const notificationSchema: z.ZodType<ClustaarNotification> = z.looseObject({
  topic: z.string(),
})
