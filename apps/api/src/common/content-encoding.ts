import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** The encodings bodies are stored in besides the plain bytes, best first. */
export const STORED_ENCODINGS = ['br', 'gzip'] as const;
export type StoredEncoding = (typeof STORED_ENCODINGS)[number];

/** Accept-Encoding values seen lately and what they allow: clients send a handful of distinct strings. */
const seen = new Map<string, readonly StoredEncoding[]>();

/**
 * The stored encodings a client's Accept-Encoding allows, best first (RFC 9110 §12.5.3): a coding with
 * q=0 is refused, `*` stands for any coding not named; none means the plain bytes.
 */
export function acceptedEncodings(header: string | undefined): readonly StoredEncoding[] {
  if (!header) return [];
  const held = seen.get(header);
  if (held) return held;
  const weights = new Map<string, number>();
  for (const part of header.slice(0, 500).split(',')) {
    const [name, ...params] = part.split(';');
    const q = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)).find(Boolean);
    weights.set(name.trim().toLowerCase(), q ? Number(q[1]) : 1);
  }
  const weight = (e: StoredEncoding) => weights.get(e) ?? weights.get('*') ?? 0;
  const accepted = STORED_ENCODINGS.filter((e) => weight(e) > 0).sort((a, b) => weight(b) - weight(a));
  if (seen.size >= 200) seen.clear();
  seen.set(header, accepted);
  return accepted;
}

/** Brotli's best quality costs seconds beyond this size (1 MB: ~3 s) for a few percent. */
const BEST_BROTLI_UP_TO = 256 * 1024;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * A body in one encoding, off the event loop (zlib's thread pool). `best`: the highest settings worth
 * their time, for a body made once and served many times over; `fast`: for one compressed on a
 * request's path (brotli quality 4 makes a 17 KB task list 2.9 KB in well under a millisecond, where
 * the best costs tens of milliseconds of a zlib thread, for 2.4 KB).
 */
export function compress(encoding: StoredEncoding, body: Buffer | string, effort: 'best' | 'fast'): Promise<Buffer> {
  if (encoding === 'gzip')
    return gzipped(body, { level: effort === 'best' ? constants.Z_BEST_COMPRESSION : constants.Z_DEFAULT_COMPRESSION });
  const quality = effort === 'fast' ? 4 : body.length <= BEST_BROTLI_UP_TO ? constants.BROTLI_MAX_QUALITY : 9;
  return brotli(body, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

/** Both stored encodings of a body, at the best settings: done once per body and served many times over. */
export async function compressBoth(body: Buffer): Promise<Record<StoredEncoding, Buffer>> {
  const [br, gz] = await Promise.all([compress('br', body, 'best'), compress('gzip', body, 'best')]);
  return { br, gzip: gz };
}

/** A response body with the encoded forms it has (a stored body has both; one made on demand, gzip). */
export interface EncodedBody {
  /** Weak: the same validator for every encoding of the same bytes. */
  etag: string;
  plain: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

/** Whether the client's copy (If-None-Match: one or more validators, or `*`) is this one. */
function current(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const weak = (v: string) => v.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((v) => v.trim() === '*' || weak(v) === weak(etag));
}

/**
 * Sends `body` in the best encoding the client accepts that the body has, or 304 when the client's
 * copy is current: written straight to the socket (no per-request hashing or compressing). Headers
 * beyond the body's own (type, caching, security) are the caller's.
 */
export function sendEncoded(req: IncomingMessage, res: ServerResponse, body: EncodedBody, type: string): void {
  res.setHeader('ETag', body.etag);
  // Added to what the caller varies on (the web's page varies on the session cookie too).
  const vary = res.getHeader('Vary');
  res.setHeader('Vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
  if (current(req.headers['if-none-match'], body.etag)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const encoding = acceptedEncodings(req.headers['accept-encoding']).find((e) => body[e]);
  const bytes = encoding ? body[encoding]! : body.plain;
  res.statusCode = 200;
  res.setHeader('Content-Type', type);
  if (encoding) res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', bytes.length);
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
