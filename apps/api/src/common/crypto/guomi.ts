import { createCipheriv, createDecipheriv, createHash, createHmac, type BinaryLike } from 'node:crypto';

/**
 * The 商用密码 algorithms Duban uses, all from Node's OpenSSL 3 (a maintained implementation; the
 * test vectors of GB/T 32905 and GB/T 32907 are checked in guomi.spec.ts). Nothing here implements
 * an algorithm itself.
 */
export const SM3 = 'sm3';
export const SM4_CBC = 'sm4-cbc';

export function sm3Hex(data: BinaryLike): string {
  return createHash(SM3).update(data).digest('hex');
}

export function hmacSm3(key: BinaryLike, data: BinaryLike): Buffer {
  return createHmac(SM3, key).update(data).digest();
}

export function sm4CbcEncrypt(key: Buffer, iv: Buffer, plain: Buffer): Buffer {
  const cipher = createCipheriv(SM4_CBC, key, iv);
  return Buffer.concat([cipher.update(plain), cipher.final()]);
}

export function sm4CbcDecrypt(key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const decipher = createDecipheriv(SM4_CBC, key, iv);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}
