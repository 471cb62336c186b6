import { FieldCipher, parseFieldKeys } from './field-cipher.js';

const K1 = { id: 'k1', secret: 'first-key-of-at-least-thirty-two-chars' };
const K2 = { id: 'k2', secret: 'second-key-of-at-least-thirty-two-chars' };

describe('field encryption (SM4-CBC then HMAC-SM3)', () => {
  it('round-trips, never shows the plaintext, and differs each time', () => {
    const c = new FieldCipher([K1]);
    const url = 'https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789';
    const a = c.encrypt(url, 't1|robot.x.webhook');
    const b = c.encrypt(url, 't1|robot.x.webhook');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^sm4:k1:/);
    expect(a).not.toContain('dingtalk');
    expect(a).not.toContain('abcdef');
    expect(c.decrypt(a, 't1|robot.x.webhook')).toBe(url);
  });

  it('refuses a value moved to another row or altered', () => {
    const c = new FieldCipher([K1]);
    const a = c.encrypt('secret', 't1|a');
    expect(() => c.decrypt(a, 't2|a')).toThrow(/MAC/);
    const parts = a.split(':');
    parts[3] = Buffer.from('x'.repeat(16)).toString('base64url');
    expect(() => c.decrypt(parts.join(':'), 't1|a')).toThrow(/MAC/);
  });

  it('opens values of an older key after rotation and encrypts new ones under the newest', () => {
    const old = new FieldCipher([K1]).encrypt('v', 'ctx');
    const ring = new FieldCipher([K1, K2]);
    expect(ring.decrypt(old, 'ctx')).toBe('v');
    expect(ring.isCurrent(old)).toBe(false);
    expect(ring.isCurrent(ring.encrypt('v', 'ctx'))).toBe(true);
    expect(() => new FieldCipher([K2]).decrypt(old, 'ctx')).toThrow(/key k1/);
  });

  it('reads FIELD_KEYS and refuses short or unnamed keys', () => {
    expect(parseFieldKeys(`k1:${K1.secret}, k2:${K2.secret}`).map((k) => k.id)).toEqual(['k1', 'k2']);
    expect(() => parseFieldKeys('k1:short')).toThrow(/32/);
    expect(() => parseFieldKeys(K1.secret)).toThrow(/id:secret/);
  });
});
