import { describe, expect, it } from 'vitest'
import { chathooks } from './helpers.ts'

describe('chathooks --help', () => {
  it('lists every command, and exits 0', async () => {
    const { code, stdout, stderr } = await chathooks(['--help'])
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(stdout).toMatch(/^Usage: chathooks \[options\] \[command\]/)
    for (const command of ['send', 'sign', 'listen', 'serve', 'demo']) {
      expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'))
    }
  })

  it.each([
    [
      'send',
      '<platform> <event>',
      [
        '--url <url>',
        '--secret <secret>',
        '--data <file>',
        '--repeat <n>',
        '--concurrency <c>',
        '--json',
      ],
    ],
    [
      'sign',
      '<platform>',
      ['--secret <secret>', '--curl', '--url <url>', '--path <path>', '--json'],
    ],
    ['listen', '', ['--secret <secret>', '--port <port>', '--host <host>', '--json']],
    [
      'serve',
      '<platform>',
      ['--secret <secret>', '--port <port>', '--callback-url <url>', '--api-url <url>', '--json'],
    ],
    ['demo', '', ['--serve', '--port <port>', '--json']],
  ])('shows the usage and options of %s, and exits 0', async (command, args, options) => {
    const { code, stdout, stderr } = await chathooks([command, '--help'])
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(stdout.split('\n')[0]).toBe(`Usage: chathooks ${command} [options] ${args}`.trimEnd())
    for (const option of options) expect(stdout).toContain(option)
  })

  it('names every event of every platform in the help of send', async () => {
    const { stdout } = await chathooks(['send', '--help'])
    expect(stdout).toContain('viber: message, conversationStarted, subscribed, unsubscribed')
    expect(stdout).toContain('clustaar: stepReached (conversation.step_reached)')
    expect(stdout).toContain('langbot: push (message), sync, reset, callback (reply)')
    expect(stdout).toMatch(/telegram: message, businessConnection, [\s\S]*chatJoinRequest/)
  })

  it('prints the version with --version', async () => {
    const { code, stdout } = await chathooks(['--version'])
    expect(code).toBe(0)
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })
})
