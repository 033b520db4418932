export { default, type WebhookPluginOptions } from './webhook-plugin.ts'
