// The JSON Clustaar reads in a StepReachedResponse, field for field as clustaar.schemas (v1)
// defines it. Optional fields are left out rather than sent as `null`; Clustaar's schema reads
// both the same way.

/** A step of the bot's flow, by id. */
export interface StepTarget {
  readonly type: 'step'
  readonly id: string
  readonly name?: string
}

/** A story (a flow of steps), by id. */
export interface StoryTarget {
  readonly type: 'story'
  readonly id: string
  readonly name?: string
}

/** Where the conversation goes next. */
export type Target = StepTarget | StoryTarget

/** A button action: go to a step or story, optionally storing session values on the way. */
export interface GoToAction {
  readonly type: 'go_to_action'
  readonly target: Target
  readonly sessionValues?: Readonly<Record<string, unknown>>
}

/** A button action: open a web page. */
export interface OpenUrlAction {
  readonly type: 'open_url_action'
  readonly url: string
}

/** A button action: the channel's own share button. */
export interface ShareAction {
  readonly type: 'share_action'
}

/** What a quick reply does when tapped. */
export type ButtonAction = GoToAction | OpenUrlAction | ShareAction

/** One button of `send_quick_replies_action`. */
export interface QuickReply {
  readonly type: 'quick_reply'
  readonly title: string
  readonly action: ButtonAction
}

/** Sends one of the alternatives, picked by Clustaar. */
export interface SendTextAction {
  readonly type: 'send_text_action'
  readonly alternatives: readonly string[]
}

/** Sends a message with quick-reply buttons. */
export interface SendQuickRepliesAction {
  readonly type: 'send_quick_replies_action'
  readonly message: string
  readonly buttons: readonly QuickReply[]
}

/** A value a jump condition reads: the message, a session value or a user attribute. */
export type ValueGetter =
  | { readonly type: 'message' }
  | { readonly type: 'session_value'; readonly key: string }
  | { readonly type: 'user_attribute'; readonly key: string }

/** A test on the value a predicate reads. */
export type Condition =
  | { readonly type: 'is_set' | 'is_not_set' | 'is_number' }
  | { readonly type: 'contains'; readonly values: readonly string[] }
  | { readonly type: 'equals'; readonly expected: string }
  | { readonly type: 'match_regexp'; readonly pattern: string }
  | {
      readonly type: 'match_intent'
      readonly intent: { readonly type: 'intent'; readonly id: string }
    }
  | { readonly type: 'is_less_than' | 'is_less_than_or_equal'; readonly maximum: number }
  | { readonly type: 'is_greater_than' | 'is_greater_than_or_equal'; readonly minimum: number }

/** One condition of a flow connection. */
export type ConnectionPredicate =
  | {
      readonly type: 'connection_predicate'
      readonly condition: Condition
      readonly valueGetter: ValueGetter
    }
  | {
      readonly type: 'connection_team_predicate'
      readonly condition: { readonly type: 'is_online' | 'is_offline' }
    }
  | {
      readonly type: 'connection_user_predicate'
      readonly condition: { readonly type: 'is_logged' | 'is_not_logged' }
    }

/** A conditional jump: taken when every predicate holds. */
export interface FlowConnection {
  readonly type: 'flow_connection'
  readonly target: Target
  readonly predicates: readonly ConnectionPredicate[]
}

/** Jumps to the first connection whose predicates hold, else to `defaultTarget`. */
export interface JumpToAction {
  readonly type: 'jump_to_action'
  readonly connections: readonly FlowConnection[]
  readonly defaultTarget: Target | null
}

/** Options of the two value-storing actions, left out of the JSON unless given. */
export interface StoreOptions {
  /** Add the value to the number already stored instead of replacing it. Default `false`. */
  readonly add?: boolean
  /** Store the value as an integer. Default `false`. */
  readonly isInt?: boolean
}

/** Stores a value in the conversation's session. */
export interface StoreSessionValueAction {
  readonly type: 'store_session_value_action'
  readonly key: string
  readonly value: string
  readonly add?: boolean
  readonly isInt?: boolean
}

/** Stores a value on the interlocutor, across conversations. */
export interface SetUserAttributeAction {
  readonly type: 'set_user_attribute_action'
  readonly key: string
  readonly value: string
  readonly add?: boolean
  readonly isInt?: boolean
}

/** Waits `duration` seconds before the next action. */
export interface WaitAction {
  readonly type: 'wait_action'
  readonly duration: number
}

/** Pauses the bot for this interlocutor, so that a human can take over. */
export interface PauseBotAction {
  readonly type: 'pause_bot_action'
}

/** Sends an image by URL. */
export interface SendImageAction {
  readonly type: 'send_image_action'
  readonly imageURL: string
  readonly alt?: string
}

/** Sends a JavaScript event to the page hosting Clustaar's web chat. */
export interface SendJsEventAction {
  readonly type: 'send_js_event_action'
  readonly event: string
  readonly payload?: Readonly<Record<string, unknown>>
}

/** Every action the `actions` builders make. */
export type Action =
  | SendTextAction
  | SendQuickRepliesAction
  | JumpToAction
  | StoreSessionValueAction
  | SetUserAttributeAction
  | WaitAction
  | PauseBotAction
  | SendImageAction
  | SendJsEventAction
