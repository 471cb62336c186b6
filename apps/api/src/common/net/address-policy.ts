import { BlockList, isIP } from 'node:net';

/**
 * Where a server-side fetch (evidence pages, and any other outgoing request made on a tenant's behalf)
 * may connect:
 * - PUBLIC addresses: always;
 * - PRIVATE ones (RFC 1918, carrier NAT, unique-local IPv6): only inside the networks the operator lists
 *   in EVIDENCE_ALLOWED_NETWORKS (a government intranet reached from this deployment);
 * - NEVER: loopback, link-local, the cloud metadata services, unspecified, multicast and reserved
 *   addresses, whatever the operator lists. IPv6 forms that carry an IPv4 address (IPv4-mapped and
 *   -compatible, NAT64, 6to4, Teredo) are judged by that IPv4 address too, so `64:ff9b::7f00:1` is
 *   loopback and `2002:a9fe:a9fe::` is the metadata address.
 */
export type AddressClass = 'PUBLIC' | 'PRIVATE' | 'NEVER';

const v4 = (list: BlockList, entries: readonly (readonly [string, number])[]) => {
  for (const [net, prefix] of entries) list.addSubnet(net, prefix, 'ipv4');
  return list;
};
const v6 = (list: BlockList, entries: readonly (readonly [string, number])[]) => {
  for (const [net, prefix] of entries) list.addSubnet(net, prefix, 'ipv6');
  return list;
};

const NEVER = v6(
  v4(new BlockList(), [
    ['0.0.0.0', 8],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['100.100.100.200', 32],
    ['192.0.0.0', 24],
    ['224.0.0.0', 4],
    ['240.0.0.0', 4],
  ]),
  [
    ['::', 128],
    ['::1', 128],
    ['fe80::', 10],
    ['fec0::', 10],
    ['ff00::', 8],
    ['fd00:ec2::254', 128],
    ['100::', 64],
  ],
);
const PRIVATE = v6(
  v4(new BlockList(), [
    ['10.0.0.0', 8],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
    ['100.64.0.0', 10],
    ['198.18.0.0', 15],
  ]),
  [['fc00::', 7]],
);

/** The 16 bytes of an IPv6 address (isIP must have said 6), or null. */
export function ipv6Bytes(address: string): Uint8Array | null {
  let text = address.split('%')[0].toLowerCase();
  const bytes = new Uint8Array(16);
  // A trailing dotted quad (::ffff:1.2.3.4) is two groups.
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number);
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const [head, tail] = halves.length === 2 ? halves : [text, null];
  const groups = (s: string | null) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const front = groups(head);
  const back = groups(tail);
  if (tail === null && front.length !== 8) return null;
  const all = [...front, ...Array(8 - front.length - back.length).fill(0), ...back];
  if (all.length !== 8 || all.some((g) => !Number.isInteger(g) || g < 0 || g > 0xffff)) return null;
  all.forEach((g, i) => {
    bytes[i * 2] = g >> 8;
    bytes[i * 2 + 1] = g & 0xff;
  });
  return bytes;
}

const quadOf = (b: Uint8Array, at: number[]) => at.map((i) => b[i]).join('.');
const startsWith = (b: Uint8Array, prefix: number[]) => prefix.every((x, i) => b[i] === x);

/** The IPv4 addresses an IPv6 address carries by a standard translation or tunnelling scheme. */
export function embeddedIpv4(bytes: Uint8Array): string[] {
  const zeros = (n: number) => Array(n).fill(0);
  const last = quadOf(bytes, [12, 13, 14, 15]);
  if (startsWith(bytes, [...zeros(10), 0xff, 0xff])) return [last]; // ::ffff:a.b.c.d (IPv4-mapped)
  if (startsWith(bytes, [...zeros(8), 0xff, 0xff, 0, 0])) return [last]; // ::ffff:0:a.b.c.d (SIIT)
  if (startsWith(bytes, zeros(12))) return [last]; // ::a.b.c.d (IPv4-compatible)
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b, ...zeros(8)])) return [last]; // 64:ff9b::/96 (NAT64)
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b, 0, 1])) return [quadOf(bytes, [6, 7, 9, 10]), last]; // 64:ff9b:1::/48 (local NAT64, /48 or /96 layout)
  if (startsWith(bytes, [0x20, 0x02])) return [quadOf(bytes, [2, 3, 4, 5])]; // 2002::/16 (6to4)
  if (startsWith(bytes, [0x20, 0x01, 0, 0])) {
    // Teredo: the server's address, and the client's stored inverted.
    const client = [12, 13, 14, 15].map((i) => bytes[i] ^ 0xff).join('.');
    return [quadOf(bytes, [4, 5, 6, 7]), client];
  }
  return [];
}

function classifyOne(address: string, family: 4 | 6): AddressClass {
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (NEVER.check(address, type)) return 'NEVER';
  if (PRIVATE.check(address, type)) return 'PRIVATE';
  return 'PUBLIC';
}

const RANK: Record<AddressClass, number> = { PUBLIC: 0, PRIVATE: 1, NEVER: 2 };

/** The strictest class of an address and of every IPv4 address it carries; anything unparsable is NEVER. */
export function classifyAddress(address: string): AddressClass {
  const family = isIP(address);
  if (family === 0) return 'NEVER';
  if (family === 4) return classifyOne(address, 4);
  const bytes = ipv6Bytes(address);
  if (!bytes) return 'NEVER';
  let found = classifyOne(address, 6);
  for (const inner of embeddedIpv4(bytes)) {
    const innerClass = classifyOne(inner, 4);
    if (RANK[innerClass] > RANK[found]) found = innerClass;
  }
  return found;
}

/** `10.20.0.0/16` or `fd00:1234::/32`; throws an Error naming what is wrong. */
export function parseCidr(text: string): { network: string; prefix: number; family: 4 | 6 } {
  const [network, prefixText, extra] = text.trim().split('/');
  const family = isIP(network ?? '');
  if (extra !== undefined || (family !== 4 && family !== 6))
    throw new Error(`"${text}" is not a network such as 10.20.0.0/16`);
  const max = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!/^\d*$/.test(prefixText ?? '') || !Number.isInteger(prefix) || prefix < 0 || prefix > max) {
    throw new Error(`"${text}" has a prefix length outside 0–${max}`);
  }
  return { network, prefix, family };
}

export class AddressPolicy {
  private readonly allowed = new BlockList();

  /** `allowedNetworks`: CIDRs whose private addresses may be reached (the operator's EVIDENCE_ALLOWED_NETWORKS). */
  constructor(
    readonly allowedNetworks: readonly string[] = [],
    private readonly testLoopback = false,
  ) {
    for (const cidr of allowedNetworks) {
      const { network, prefix, family } = parseCidr(cidr);
      this.allowed.addSubnet(network, prefix, family === 4 ? 'ipv4' : 'ipv6');
    }
  }

  /**
   * Tests serve their pages from this machine's loopback interface, the only network they may use.
   * Nothing in the application builds this policy; configuration cannot reach it.
   */
  static forTestsOnLoopback(allowedNetworks: readonly string[] = []): AddressPolicy {
    return new AddressPolicy(allowedNetworks, true);
  }

  allows(address: string): boolean {
    if (this.testLoopback && (address === '::1' || address.startsWith('127.') || address === '::ffff:127.0.0.1'))
      return true;
    const found = classifyAddress(address);
    if (found === 'PUBLIC') return true;
    if (found === 'NEVER') return false;
    const family = isIP(address);
    if (this.allowed.check(address, family === 4 ? 'ipv4' : 'ipv6')) return true;
    // An IPv4-mapped form of an allowed IPv4 address is that address.
    const bytes = family === 6 ? ipv6Bytes(address) : null;
    const inner = bytes ? embeddedIpv4(bytes) : [];
    return inner.length > 0 && inner.every((a) => classifyOne(a, 4) === 'PUBLIC' || this.allowed.check(a, 'ipv4'));
  }
}

/** Public addresses only: the default when the operator lists no networks. */
export const PUBLIC_ONLY = new AddressPolicy();
