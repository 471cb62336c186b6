import { AddressPolicy, classifyAddress, embeddedIpv4, ipv6Bytes, parseCidr, PUBLIC_ONLY } from '../address-policy.js';

describe('address policy', () => {
  it.each([
    ['10.1.2.3', 'PRIVATE'],
    ['172.16.0.1', 'PRIVATE'],
    ['172.31.255.255', 'PRIVATE'],
    ['192.168.1.1', 'PRIVATE'],
    ['100.64.0.1', 'PRIVATE'],
    ['fd12:3456::1', 'PRIVATE'],
    ['::ffff:a01:203', 'PRIVATE'],
    // Loopback, link-local and the cloud metadata services, in every spelling.
    ['127.0.0.1', 'NEVER'],
    ['127.8.9.10', 'NEVER'],
    ['::1', 'NEVER'],
    ['0:0:0:0:0:0:0:1', 'NEVER'],
    ['169.254.169.254', 'NEVER'],
    ['100.100.100.200', 'NEVER'],
    ['fd00:ec2::254', 'NEVER'],
    ['fe80::1', 'NEVER'],
    ['::ffff:127.0.0.1', 'NEVER'],
    ['::ffff:7f00:1', 'NEVER'],
    ['::ffff:169.254.169.254', 'NEVER'],
    ['::127.0.0.1', 'NEVER'],
    ['::ffff:0:7f00:1', 'NEVER'],
    ['64:ff9b::7f00:1', 'NEVER'],
    ['64:ff9b::169.254.169.254', 'NEVER'],
    ['64:ff9b::6464:64c8', 'NEVER'],
    ['64:ff9b:1:7f00:1::', 'NEVER'],
    ['2002:7f00:1::', 'NEVER'],
    ['2002:a9fe:a9fe::1', 'NEVER'],
    ['2002:0a00:0001::1', 'PRIVATE'],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'NEVER'], // Teredo, client 127.0.0.1 stored inverted
    ['0.0.0.0', 'NEVER'],
    ['0.1.2.3', 'NEVER'],
    ['::', 'NEVER'],
    ['224.0.0.1', 'NEVER'],
    ['255.255.255.255', 'NEVER'],
    ['ff02::1', 'NEVER'],
    ['not-an-ip', 'NEVER'],
    ['172.32.0.1', 'PUBLIC'],
    ['100.128.0.1', 'PUBLIC'],
    ['202.108.22.5', 'PUBLIC'],
    ['2400:da00::6666', 'PUBLIC'],
    ['64:ff9b::ca6c:1605', 'PUBLIC'],
    ['2002:ca6c:1605::1', 'PUBLIC'],
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it('reads IPv6 addresses and the IPv4 they carry', () => {
    expect(Array.from(ipv6Bytes('::ffff:1.2.3.4')!)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 1, 2, 3, 4]);
    expect(ipv6Bytes('1:2:3')).toBeNull();
    expect(ipv6Bytes('1::2::3')).toBeNull();
    expect(embeddedIpv4(ipv6Bytes('64:ff9b::a9fe:a9fe')!)).toEqual(['169.254.169.254']);
    expect(embeddedIpv4(ipv6Bytes('2400:da00::6666')!)).toEqual([]);
  });

  it('allows public addresses; private ones only inside the operator’s networks; never loopback, link-local or metadata', () => {
    expect(PUBLIC_ONLY.allows('202.108.22.5')).toBe(true);
    expect(PUBLIC_ONLY.allows('10.0.0.8')).toBe(false);
    const operator = new AddressPolicy([
      '10.20.0.0/16',
      'fd00:1234::/32',
      '127.0.0.0/8',
      '169.254.0.0/16',
      '100.64.0.0/10',
      '0.0.0.0/0',
    ]);
    expect(operator.allows('10.20.3.4')).toBe(true);
    expect(operator.allows('::ffff:10.20.3.4')).toBe(true);
    expect(operator.allows('64:ff9b::a14:304')).toBe(true);
    expect(operator.allows('fd00:1234::8')).toBe(true);
    expect(operator.allows('fd00:1235::8')).toBe(false);
    expect(operator.allows('202.108.22.5')).toBe(true);
    for (const never of [
      '127.0.0.1',
      '::1',
      '169.254.169.254',
      '100.100.100.200',
      'fd00:ec2::254',
      '::ffff:127.0.0.1',
      '64:ff9b::7f00:1',
      '2002:a9fe:a9fe::',
      '0.0.0.0',
    ]) {
      expect([never, operator.allows(never)]).toEqual([never, false]);
    }
  });

  it('reads the operator’s CIDRs and refuses malformed ones', () => {
    expect(parseCidr('10.20.0.0/16')).toEqual({ network: '10.20.0.0', prefix: 16, family: 4 });
    expect(parseCidr('fd00::/8')).toEqual({ network: 'fd00::', prefix: 8, family: 6 });
    expect(parseCidr('10.1.2.3')).toEqual({ network: '10.1.2.3', prefix: 32, family: 4 });
    for (const bad of ['10.0.0.0/33', 'intranet', '10.0.0.0/8/1', '10.0.0.0/x', 'fd00::/129'])
      expect(() => parseCidr(bad)).toThrow();
  });
});
