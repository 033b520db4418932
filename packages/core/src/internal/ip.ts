/** An address as a number: 32 bits for IPv4, 128 for IPv6; IPv4-mapped IPv6 counts as IPv4. */
export interface Ip {
  readonly version: 4 | 6
  readonly value: bigint
}

/** A network: an address and how many leading bits must match. */
export interface Cidr extends Ip {
  readonly bits: number
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/

/** Parses an IPv4 or IPv6 address (zone index dropped); `undefined` when it is neither. */
export function parseIp(text: string): Ip | undefined {
  if (IPV4.test(text)) return { version: 4, value: ipv4(text) }
  const value = ipv6(text.replace(/%[\w.-]+$/, ''))
  if (value === undefined) return undefined
  if (value >> 32n === 0xffffn) return { version: 4, value: value & 0xffffffffn }
  return { version: 6, value }
}

/** Parses `a.b.c.d/n`, `x::/n` or a bare address (a network of one). */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/')
  const ip = parseIp(slash < 0 ? text : text.slice(0, slash))
  if (ip === undefined) return undefined
  const width = ip.version === 4 ? 32 : 128
  const bitsText = slash < 0 ? String(width) : text.slice(slash + 1)
  if (!/^\d{1,3}$/.test(bitsText)) return undefined
  const mapped = slash >= 0 && ip.version === 4 && text.includes(':')
  const bits = Number(bitsText) - (mapped ? 96 : 0)
  if (bits < 0 || bits > width) return undefined
  return { ...ip, bits }
}

/** Whether `ip` lies inside `cidr`. */
export function contains(cidr: Cidr, ip: Ip): boolean {
  if (cidr.version !== ip.version) return false
  const shift = BigInt((cidr.version === 4 ? 32 : 128) - cidr.bits)
  return cidr.value >> shift === ip.value >> shift
}

function ipv4(text: string): bigint {
  return text.split('.').reduce((value, octet) => (value << 8n) | BigInt(octet), 0n)
}

function ipv6(text: string): bigint | undefined {
  const halves = text.split('::')
  if (halves.length > 2) return undefined
  const head = groups(halves[0] ?? '')
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : []
  if (head === undefined || tail === undefined) return undefined
  const missing = 8 - head.length - tail.length
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined
  const all = [...head, ...Array<bigint>(halves.length === 2 ? missing : 0).fill(0n), ...tail]
  return all.reduce((value, group) => (value << 16n) | group, 0n)
}

/** Hex groups of one side of `::`; an IPv4 tail counts as two groups. */
function groups(text: string): bigint[] | undefined {
  if (text === '') return []
  const parts = text.split(':')
  const out: bigint[] = []
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1 && IPV4.test(part)) {
      const v4 = ipv4(part)
      out.push(v4 >> 16n, v4 & 0xffffn)
    } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
      out.push(BigInt(`0x${part}`))
    } else {
      return undefined
    }
  }
  return out
}
