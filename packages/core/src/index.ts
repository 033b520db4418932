export type { HmacAlgorithm, SignatureEncoding, SignedBytes } from './crypto/types.ts'
export { type IdempotencyStore, MemoryStore, type MemoryStoreOptions } from './dedupe.ts'
export type { Delivery, RunOptions, RunOutcome } from './deliver.ts'
export {
  type PayloadIssue,
  WebhookError,
  type WebhookErrorCode,
  type WebhookErrorOptions,
} from './errors.ts'
export type { FetchOptions } from './fetch.ts'
export {
  and,
  type Filter,
  JSONKeyEquals,
  JSONKeyExists,
  JSONKeyIn,
  not,
  or,
  StepID,
} from './filters.ts'
export type { Logger, WebhookOptions } from './options.ts'
export type { EventContext, EventMap, Platform, PlatformRoute } from './platform.ts'
export {
  type GenericEvents,
  type GenericOptions,
  type GenericPayload,
  generic,
} from './platforms/generic.ts'
export type { WebhookRequest, WebhookResponse } from './request.ts'
export type { InferOutput, StandardSchema } from './schema.ts'
export type {
  AnyEvent,
  AnyPayload,
  AnyWebhook,
  Awaitable,
  ErrorHandler,
  EventName,
  EventOf,
  HandleOptions,
  Handler,
  Webhook,
  WebhookEvent,
} from './types.ts'
export { type BasicAuthOptions, basicAuth } from './verify/basic-auth.ts'
export { type HmacSignatureOptions, hmacSignature } from './verify/hmac.ts'
export { type IpAllowlistOptions, ipAllowlist } from './verify/ip-allowlist.ts'
export type { SignatureOptions } from './verify/signature.ts'
export { type TimestampedSignatureOptions, timestampedSignature } from './verify/timestamped.ts'
export { type SecretTokenOptions, secretToken } from './verify/token.ts'
export type { Verifier, VerifyContext, VerifyResult } from './verify/types.ts'
export { type UrlKeyOptions, urlKey } from './verify/url-key.ts'
export { createWebhook } from './webhook.ts'
