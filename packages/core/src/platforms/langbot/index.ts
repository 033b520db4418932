export {
  type AssembledPart,
  type AssembledTurn,
  assembleTurn,
  createTurnAssembler,
  type TurnAssembler,
  type TurnAssemblerOptions,
} from './assemble.ts'
export type { HttpBotOptions } from './bot-options.ts'
export {
  type ClientAnswer,
  createHttpBotClient,
  type HttpBotClient,
  type HttpBotClientOptions,
  type MessageOptions,
  type PushData,
  type PushOptions,
  type ResetData,
  type ResetOptions,
  type SyncData,
} from './client.ts'
export type { Envelope } from './envelope.ts'
export { LangBotError, type LangBotErrorCode, type LangBotErrorDetails } from './errors.ts'
export type { HttpBotHelpers, TurnPush } from './helpers.ts'
export { type HttpBotEvents, type HttpBotPlatform, httpBot } from './http-bot.ts'
export {
  type CallbackReceiverEvents,
  type CallbackReceiverOptions,
  type CallbackReceiverPlatform,
  callbackReceiver,
} from './receiver.ts'
export { type ReplyContent, type ReplyOptions, segments } from './reply.ts'
export type {
  AtSegment,
  CallbackPayload,
  FileSegment,
  ImageSegment,
  MessagePayload,
  OtherSegment,
  OtherSegmentType,
  PlainSegment,
  QuoteSegment,
  Segment,
  Sender,
  SessionPayload,
  VoiceSegment,
} from './schema.ts'
