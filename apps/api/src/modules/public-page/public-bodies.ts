import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { compressBoth, type EncodedBody } from '../../common/content-encoding.js';

/**
 * A response body as stored with the snapshot, compressed once by whichever process made the snapshot
 * (base64, as the snapshot is JSON); every other process only decodes it.
 */
export interface StoredBody {
  etag: string;
  br: string;
  gzip: string;
}

const etagOf = (plain: Buffer) => `W/"${createHash('sha1').update(plain).digest('base64url')}"`;

export async function storeBody(text: string): Promise<StoredBody> {
  const plain = Buffer.from(text);
  const { br, gzip } = await compressBoth(plain);
  return { etag: etagOf(plain), br: br.toString('base64'), gzip: gzip.toString('base64') };
}

/** The stored body as bytes to send (the plain bytes from the gzip copy, which is exact). */
export function storedBytes(stored: StoredBody): EncodedBody {
  const gzip = Buffer.from(stored.gzip, 'base64');
  return { etag: stored.etag, plain: gunzipSync(gzip), gzip, br: Buffer.from(stored.br, 'base64') };
}

/** A body this process renders on demand (a filtered page, a key point's page): gzip at the default level. */
export function renderedBytes(text: string): EncodedBody {
  const plain = Buffer.from(text);
  return { etag: etagOf(plain), plain, gzip: gzipSync(plain) };
}
