export type { WebhookAppOptions } from './fetch-handler.ts'
export { handler } from './handler.ts'
export { webhookApp } from './webhook-app.ts'
