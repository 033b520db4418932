// The `actions.*` builders: index.ts exports this module as `actions`, so it holds builders only.
export { goTo, openUrl, quickReply, share, step, story } from './buttons.ts'
export { jumpTo, pauseBot, setUserAttribute, storeSessionValue, wait } from './flow.ts'
export { sendImage, sendJsEvent, sendQuickReplies, sendText } from './messages.ts'
