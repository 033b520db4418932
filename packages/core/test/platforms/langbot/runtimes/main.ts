import { runScenario } from './scenario.ts'

console.log(JSON.stringify(await runScenario()))
