import { BlockList, isIP } from 'node:net';

/**
 * Which addresses the fetcher may connect to. Everything that is not the public internet is refused:
 * loopback, private ranges, link-local (the 169.254.169.254 cloud metadata address among them), CGNAT,
 * multicast, unspecified and reserved space, and IPv6 forms that embed such an IPv4 address.
 */

const V4_BLOCKED: ReadonlyArray<[string, number, string]> = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const V6_BLOCKED: ReadonlyArray<[string, number, string]> = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['100::', 64, 'discard'],
  ['2001:db8::', 32, 'documentation'],
  ['fc00::', 7, 'private'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

interface Range {
  list: BlockList;
  reason: string;
}

function ranges(type: 'ipv4' | 'ipv6', table: ReadonlyArray<[string, number, string]>): Range[] {
  return table.map(([net, prefix, reason]) => {
    const list = new BlockList();
    list.addSubnet(net, prefix, type);
    return { list, reason };
  });
}

const V4_RANGES = ranges('ipv4', V4_BLOCKED);
const V6_RANGES = ranges('ipv6', V6_BLOCKED);

function reasonIn(table: Range[], ip: string, type: 'ipv4' | 'ipv6'): string | null {
  for (const { list, reason } of table) if (list.check(ip, type)) return reason;
  return null;
}

/** The 16 bytes of an IPv6 address (zone id dropped), or null when it does not parse. */
export function ipv6Bytes(ip: string): number[] | null {
  let s = ip.replace(/^\[|\]$/g, '').split('%')[0]!;
  const tail: number[] = [];
  const dotted = s.match(/(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
  if (dotted) {
    tail.push(...dotted.slice(1).map(Number));
    s = `${s.slice(0, -dotted[0].length)}0:0`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string): number[] => (part ? part.split(':').map((g) => Number.parseInt(g, 16)) : []);
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const fill = 8 - head.length - rest.length;
  if (fill < 0 || (halves.length === 1 && fill !== 0)) return null;
  const all = [...head, ...new Array<number>(fill).fill(0), ...rest];
  if (all.some((g) => Number.isNaN(g) || g < 0 || g > 0xffff)) return null;
  const bytes = all.flatMap((g) => [g >> 8, g & 0xff]);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** The IPv4 address an IPv6 address carries: mapped (::ffff:a.b.c.d), compatible, NAT64 or 6to4. */
function embeddedV4(b: number[]): string | null {
  const zero = (from: number, to: number): boolean => b.slice(from, to).every((x) => x === 0);
  const quad = (i: number): string => b.slice(i, i + 4).join('.');
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return quad(12);
  if (zero(0, 12) && !zero(12, 16)) return quad(12);
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zero(4, 12)) return quad(12);
  if (b[0] === 0x20 && b[1] === 0x02) return quad(2);
  return null;
}

/**
 * Why `ip` must not be contacted ("loopback", "private", ...), or null for a public address.
 * Anything that is not an IP address at all is refused as "invalid".
 */
export function blockedReason(ip: string): string | null {
  const bare = ip.replace(/^\[|\]$/g, '');
  const kind = isIP(bare.split('%')[0]!);
  if (kind === 4) return reasonIn(V4_RANGES, bare, 'ipv4');
  if (kind !== 6) return 'invalid';
  const bytes = ipv6Bytes(bare);
  if (!bytes) return 'invalid';
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  const own = reasonIn(V6_RANGES, groups.join(':'), 'ipv6');
  if (own) return own;
  const v4 = embeddedV4(bytes);
  const embedded = v4 ? reasonIn(V4_RANGES, v4, 'ipv4') : null;
  return embedded ? `${embedded} (IPv4 in IPv6)` : null;
}

/** True when `ip` is not a public internet address. */
export function isBlockedAddress(ip: string): boolean {
  return blockedReason(ip) !== null;
}
