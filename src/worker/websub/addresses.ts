/**
 * @module
 * Which IP addresses a callback may reach: public unicast only. Loopback, private (RFC 1918,
 * RFC 6598 shared), link-local (which holds the cloud metadata address 169.254.169.254),
 * unique-local (RFC 4193, with fd00:ec2::254), multicast, documentation and reserved ranges are
 * refused (IANA special-purpose registries, RFC 6890); IPv6 forms that embed an IPv4 address
 * (mapped, NAT64, 6to4) are judged by that address.
 */

export type AddressKind = 'public' | 'loopback' | 'special'

type Range4 = readonly [base: number, bits: number, kind: AddressKind]

const v4 = (a: number, b: number, c: number, d: number): number => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0

/** IANA IPv4 Special-Purpose Address Registry, plus multicast and reserved (RFC 6890, RFC 5771). */
const SPECIAL_V4: readonly Range4[] = [
  [v4(127, 0, 0, 0), 8, 'loopback'],
  [v4(0, 0, 0, 0), 8, 'special'], // "this network"
  [v4(10, 0, 0, 0), 8, 'special'], // RFC 1918
  [v4(100, 64, 0, 0), 10, 'special'], // RFC 6598 shared address space
  [v4(169, 254, 0, 0), 16, 'special'], // link-local; cloud metadata
  [v4(172, 16, 0, 0), 12, 'special'], // RFC 1918
  [v4(192, 0, 0, 0), 24, 'special'], // IETF protocol assignments
  [v4(192, 0, 2, 0), 24, 'special'], // TEST-NET-1
  [v4(192, 88, 99, 0), 24, 'special'], // 6to4 relay anycast (deprecated)
  [v4(192, 168, 0, 0), 16, 'special'], // RFC 1918
  [v4(198, 18, 0, 0), 15, 'special'], // benchmarking
  [v4(198, 51, 100, 0), 24, 'special'], // TEST-NET-2
  [v4(203, 0, 113, 0), 24, 'special'], // TEST-NET-3
  [v4(224, 0, 0, 0), 4, 'special'], // multicast
  [v4(240, 0, 0, 0), 4, 'special'], // reserved, and 255.255.255.255
]

const inRange = (address: number, base: number, bits: number): boolean =>
  bits === 0 || address >>> (32 - bits) === base >>> (32 - bits)

const kindOfV4 = (address: number): AddressKind =>
  SPECIAL_V4.find(([base, bits]) => inRange(address, base, bits))?.[2] ?? 'public'

/** Dotted-quad IPv4 (as URL parsing and DNS give it) to a number, or undefined. */
export const parseIPv4 = (text: string): number | undefined => {
  const parts = text.split('.')
  if (parts.length !== 4 || !parts.every((part) => /^(0|[1-9][0-9]{0,2})$/.test(part) && Number(part) < 256))
    return undefined
  const [a, b, c, d] = parts.map(Number) as [number, number, number, number]
  return v4(a, b, c, d)
}

/** IPv6 text (with or without brackets, `::`, an IPv4 tail) to eight 16-bit groups, or undefined. */
export const parseIPv6 = (text: string): number[] | undefined => {
  let s = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text
  if (s.includes('%')) return undefined // zone ids name local interfaces
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(s)
  if (tail) {
    const ip = parseIPv4(tail[1] as string)
    if (ip === undefined) return undefined
    s = `${s.slice(0, -(tail[1] as string).length)}${(ip >>> 16).toString(16)}:${(ip & 0xffff).toString(16)}`
  }
  const halves = s.split('::')
  if (halves.length > 2) return undefined
  const groups = (half: string): number[] | undefined => {
    if (half === '') return []
    const parts = half.split(':')
    if (!parts.every((part) => /^[0-9a-f]{1,4}$/i.test(part))) return undefined
    return parts.map((part) => Number.parseInt(part, 16))
  }
  const head = groups(halves[0] as string)
  const rest = halves.length === 2 ? groups(halves[1] as string) : []
  if (!head || !rest) return undefined
  if (halves.length === 1) return head.length === 8 ? head : undefined
  const missing = 8 - head.length - rest.length
  return missing < 1 ? undefined : [...head, ...Array<number>(missing).fill(0), ...rest]
}

const embeddedV4 = (hi: number, lo: number): number => ((hi << 16) | lo) >>> 0

const kindOfV6 = (g: readonly number[]): AddressKind => {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g6 = 0, h = 0] = g
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0 && g6 === 0)
    return h === 1 ? 'loopback' : 'special'
  // ::ffff:a.b.c.d (mapped) and 64:ff9b::a.b.c.d (NAT64, RFC 6052): the IPv4 address decides.
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0xffff) return kindOfV4(embeddedV4(g6, h))
  if (a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0) return kindOfV4(embeddedV4(g6, h))
  // 2002:aabb:ccdd::/48 (6to4, RFC 3056) embeds a.b.c.d in groups 2–3.
  if (a === 0x2002) return kindOfV4(embeddedV4(b, c))
  if ((a & 0xe000) !== 0x2000) return 'special' // outside 2000::/3 global unicast: ULA fc00::/7, fe80::/10, ff00::/8, …
  if (a === 0x2001 && b === 0x0db8) return 'special' // documentation
  if (a === 0x2001 && b < 0x0200) return 'special' // 2001::/23 IETF protocol assignments (Teredo, ORCHID, …)
  if (a === 0x3fff && b < 0x1000) return 'special' // documentation (RFC 9637)
  return 'public'
}

/** What kind of address an IP literal is; undefined when the text is not an IP address. */
export const addressKind = (ip: string): AddressKind | undefined => {
  const address4 = parseIPv4(ip)
  if (address4 !== undefined) return kindOfV4(address4)
  const address6 = parseIPv6(ip)
  return address6 === undefined ? undefined : kindOfV6(address6)
}
