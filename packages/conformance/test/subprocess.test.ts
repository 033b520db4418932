import { describe, expect, it } from 'vitest'
import { subprocessTarget } from '../src/index.ts'

// Children written in plain Node, so each failure a runtime can show is cheap to provoke.
const node = (script: string) => [process.execPath, '-e', script]
const listening = `
  const server = require('node:http').createServer((req, res) => res.end('{}'))
  server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port))
`

describe('subprocessTarget', () => {
  it('rejects start() with the child’s output when it exits before listening', async () => {
    const target = subprocessTarget({
      command: node('console.error("no such module"); process.exit(3)'),
    })
    await expect(target.start()).rejects.toThrow(/exited[\s\S]*stderr: no such module/)
  })

  it('rejects start() when nothing listens on the given port in time', async () => {
    const target = subprocessTarget({
      command: () => node('setTimeout(() => undefined, 60_000)'),
      timeoutMs: 300,
    })
    await expect(target.start()).rejects.toThrow(/did not listen within 300 ms/)
  })

  it('rejects close() when the child exits without printing its observations', async () => {
    const target = subprocessTarget({
      command: node(`${listening}; process.on('SIGTERM', () => process.exit(0))`),
    })
    const started = await target.start()
    expect((await fetch(started.url)).status).toBe(200)
    await expect(started.close()).rejects.toThrow(/exited 0 without observations/)
  })

  it('resolves close() with the last line as observations, or nothing when it cannot drain', async () => {
    const report = `process.on('SIGTERM', () => { console.log('{"logs":[]}'); process.exit(0) })`
    const drained = await subprocessTarget({ command: node(listening + report) }).start()
    await expect(drained.close()).resolves.toEqual({ logs: [] })
    const stopped = await subprocessTarget({
      command: node(listening),
      cannotDrain: 'it is only stopped',
    }).start()
    await expect(stopped.close()).resolves.toBeUndefined()
  })
})
