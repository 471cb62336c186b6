import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hmacSm3, sm4CbcDecrypt, sm4CbcEncrypt } from './guomi.js';

/**
 * Values encrypted at rest with SM4-CBC, then MACed with HMAC-SM3 (encrypt-then-MAC) over the key id,
 * the IV, the ciphertext and what the value belongs to (its row), so a ciphertext cannot be moved to
 * another row unnoticed. Stored as `sm4:<key id>:<iv>:<ciphertext>:<mac>` (base64url parts); the key id
 * says which key of the ring opens it, so keys rotate: new values take the newest key, and
 * `npm run cli -- secrets rekey` re-encrypts the rest.
 */
export const FIELD_PREFIX = 'sm4:';

interface FieldKey {
  id: string;
  enc: Buffer;
  mac: Buffer;
}

export class FieldCipherError extends Error {}

/** `id:secret` pairs, comma-separated, the newest last (FIELD_KEYS). */
export function parseFieldKeys(spec: string): { id: string; secret: string }[] {
  return spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((pair) => {
      const colon = pair.indexOf(':');
      const id = pair.slice(0, colon);
      const secret = pair.slice(colon + 1);
      if (colon < 1 || !/^[A-Za-z0-9_-]{1,20}$/.test(id))
        throw new FieldCipherError('each key is id:secret, the id 1–20 letters, digits, _ or -');
      if (secret.length < 32) throw new FieldCipherError(`key ${id} must be at least 32 characters`);
      return { id, secret };
    });
}

export class FieldCipher {
  private readonly keys: Map<string, FieldKey>;
  private readonly newest: FieldKey;

  constructor(ring: { id: string; secret: string }[]) {
    if (!ring.length) throw new FieldCipherError('no field encryption key');
    // One secret per key id; the SM4 key and the MAC key are derived apart so neither serves the other.
    this.keys = new Map(
      ring.map(({ id, secret }) => [
        id,
        { id, enc: hmacSm3(secret, 'duban field sm4').subarray(0, 16), mac: hmacSm3(secret, 'duban field mac') },
      ]),
    );
    this.newest = this.keys.get(ring[ring.length - 1].id)!;
  }

  get newestKeyId(): string {
    return this.newest.id;
  }

  encrypt(plain: string, context: string): string {
    const key = this.newest;
    const iv = randomBytes(16);
    const data = sm4CbcEncrypt(key.enc, iv, Buffer.from(plain, 'utf8'));
    const mac = this.mac(key, iv, data, context);
    return `${FIELD_PREFIX}${key.id}:${[iv, data, mac].map((b) => b.toString('base64url')).join(':')}`;
  }

  decrypt(stored: string, context: string): string {
    const parts = stored.split(':');
    if (parts.length !== 5 || `${parts[0]}:` !== FIELD_PREFIX) throw new FieldCipherError('not an encrypted value');
    const key = this.keys.get(parts[1]);
    if (!key) throw new FieldCipherError(`encrypted under key ${parts[1]}, which FIELD_KEYS does not hold`);
    const [iv, data, mac] = parts.slice(2).map((p) => Buffer.from(p, 'base64url'));
    const expected = this.mac(key, iv, data, context);
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected))
      throw new FieldCipherError('encrypted value fails its MAC (altered, or moved from another row)');
    return sm4CbcDecrypt(key.enc, iv, data).toString('utf8');
  }

  isEncrypted(stored: string): boolean {
    return stored.startsWith(FIELD_PREFIX);
  }

  /** Whether a stored value is under the newest key already (what rekey skips). */
  isCurrent(stored: string): boolean {
    return stored.startsWith(`${FIELD_PREFIX}${this.newest.id}:`);
  }

  private mac(key: FieldKey, iv: Buffer, data: Buffer, context: string): Buffer {
    return hmacSm3(key.mac, Buffer.concat([Buffer.from(`${key.id}|${context}|`), iv, data]));
  }
}
