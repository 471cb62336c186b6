import { pbkdf2Sync } from 'node:crypto';
import { hmacSm3 } from '../../../common/crypto/guomi.js';
import { hashPassword, passwordHashAlgorithm, verifyPassword } from '../password.js';

describe('password hashes: argon2id and PBKDF2-HMAC-SM3', () => {
  it("PBKDF2-HMAC-SM3 is RFC 8018's construction over GB/T 32905's HMAC-SM3", () => {
    const salt = Buffer.from('duban-salt');
    const block1 = Buffer.concat([salt, Buffer.from([0, 0, 0, 1])]);
    const u1 = hmacSm3('password', block1);
    // One iteration: T1 = U1; two: U1 xor U2 with U2 = HMAC(P, U1).
    expect(pbkdf2Sync('password', salt, 1, 32, 'sm3')).toEqual(u1);
    const u2 = hmacSm3('password', u1);
    expect(pbkdf2Sync('password', salt, 2, 32, 'sm3')).toEqual(Buffer.from(u1.map((b, i) => b ^ u2[i])));
  });

  it('makes and verifies a PBKDF2-SM3 hash, salted, and refuses the wrong password', async () => {
    const a = await hashPassword('Passw0rd!', 'pbkdf2-sm3');
    const b = await hashPassword('Passw0rd!', 'pbkdf2-sm3');
    expect(a).toMatch(/^\$pbkdf2-sm3\$i=100000\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(passwordHashAlgorithm(a)).toBe('pbkdf2-sm3');
    expect(await verifyPassword(a, 'Passw0rd!')).toBe(true);
    expect(await verifyPassword(a, 'Passw0rd?')).toBe(false);
    expect(await verifyPassword(a.replace(/.{4}$/, 'AAA='), 'Passw0rd!')).toBe(false);
    expect(await verifyPassword('$pbkdf2-sm3$i=0$AA==$AA==', 'Passw0rd!')).toBe(false);
  });

  it('verifies argon2id hashes whatever is configured, and argon2id stays the default', async () => {
    const h = await hashPassword('Passw0rd!');
    expect(h).toMatch(/^\$argon2id\$/);
    expect(passwordHashAlgorithm(h)).toBe('argon2id');
    expect(await verifyPassword(h, 'Passw0rd!')).toBe(true);
    expect(await verifyPassword(h, 'wrong')).toBe(false);
  });
});
