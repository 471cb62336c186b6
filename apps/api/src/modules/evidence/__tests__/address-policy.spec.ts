import { classifyAddress, isAllowedAddress } from '../address-policy.js';

describe('address policy', () => {
  it.each([
    ['127.0.0.1', 'INTRANET'],
    ['127.8.9.10', 'INTRANET'],
    ['10.1.2.3', 'INTRANET'],
    ['172.16.0.1', 'INTRANET'],
    ['172.31.255.255', 'INTRANET'],
    ['192.168.1.1', 'INTRANET'],
    ['100.64.0.1', 'INTRANET'],
    ['169.254.169.254', 'NEVER'],
    ['::1', 'INTRANET'],
    ['fd12:3456::1', 'INTRANET'],
    ['fe80::1', 'NEVER'],
    ['::ffff:127.0.0.1', 'INTRANET'],
    ['::ffff:a01:203', 'INTRANET'],
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
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it('lets a tenant that allows its intranet reach private addresses, but never the unspecified, multicast or link-local (cloud metadata) ones', () => {
    expect(isAllowedAddress('10.0.0.8', false)).toBe(false);
    expect(isAllowedAddress('10.0.0.8', true)).toBe(true);
    expect(isAllowedAddress('0.0.0.0', true)).toBe(false);
    expect(isAllowedAddress('169.254.169.254', true)).toBe(false);
    expect(isAllowedAddress('202.108.22.5', false)).toBe(true);
  });
});
