// What the examples' smoke tests share: the harness that runs an example, the comparison of
// its answers, and the checks of the examples that serve the same bots.
export { type Answer, answer, type Check, expectAnswers } from './answers.ts'
export { botSecrets, checkBots } from './bot-checks.ts'
export { checkRuntimeBots, runtimeSecrets } from './runtime-checks.ts'
export { type Run, script, withExample } from './with-example.ts'
