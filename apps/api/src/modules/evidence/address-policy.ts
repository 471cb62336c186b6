import { BlockList, isIP } from 'node:net';

/**
 * Addresses an evidence check may not connect to unless the tenant allows its intranet: the server's own
 * loopback, private networks and carrier NAT.
 * IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) are matched against the IPv4 rules by BlockList itself.
 */
const INTRANET = new BlockList();
for (const [net, prefix] of [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['100.64.0.0', 10], ['127.0.0.0', 8]] as const) {
  INTRANET.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [['::1', 128], ['fc00::', 7]] as const) INTRANET.addSubnet(net, prefix, 'ipv6');

/**
 * Never a web server, whatever the tenant allows: "this host", multicast, reserved, unspecified, and
 * link-local, where cloud metadata services answer (an intranet allowance must not expose credentials).
 */
const NEVER = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['169.254.0.0', 16], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) NEVER.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['fe80::', 10], ['ff00::', 8]] as const) NEVER.addSubnet(net, prefix, 'ipv6');

export type AddressClass = 'PUBLIC' | 'INTRANET' | 'NEVER';

export function classifyAddress(address: string): AddressClass {
  const family = isIP(address);
  if (family === 0) return 'NEVER';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (NEVER.check(address, type)) return 'NEVER';
  if (INTRANET.check(address, type)) return 'INTRANET';
  return 'PUBLIC';
}

export function isAllowedAddress(address: string, allowIntranet: boolean): boolean {
  const found = classifyAddress(address);
  return found === 'PUBLIC' || (found === 'INTRANET' && allowIntranet);
}
