import type { NextFunction, Request, Response } from 'express';
import { acceptedEncodings, compress, type StoredEncoding } from './content-encoding.js';

/**
 * Below this an answer goes as it is: the Content-Encoding header and the codec's own framing cost about
 * what a kilobyte of JSON would save, and most answers under it are a count or an id.
 */
export const COMPRESS_FROM_CHARS = 1024;

/**
 * The compressed forms of one kept answer's JSON (modules/answer-cache), made at most once per encoding
 * however many times the answer is sent: the promise is held, so requests arriving while it is being
 * made wait for the same bytes.
 */
export interface AnswerEncodings {
  /** The exact string the answer is sent as (query-limits' serialisedResult: one string per result). */
  json: string;
  /** Its UTF-8 bytes, for clients that take no compression (a 163 KB answer costs ≈ 1 ms to encode). */
  identity?: Buffer;
  br?: Promise<Buffer>;
  gzip?: Promise<Buffer>;
}

/** A /graphql request whose answer is a kept one, or is about to be kept. */
export interface RequestWithAnswerEncodings {
  answerEncodings?: AnswerEncodings;
}

/**
 * Writes a finished answer's bytes. Express's `res.send` would turn the string into bytes twice and hash
 * them for an ETag, which a POSTed answer never uses (no conditional request can match it): for a kept
 * answer of 160 KB that was a third of the request's CPU. Apollo has set the status and Content-Type.
 */
function sendBytes(res: Response, bytes: Buffer, encoding?: StoredEncoding): void {
  if (encoding) res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', bytes.length);
  res.end(bytes);
}

/**
 * Sends /graphql answers compressed in the best encoding the client's Accept-Encoding allows (brotli,
 * else gzip): on a phone's mobile network every 18 KB of JSON is 100 ms, and the answers share that
 * bandwidth with the app's scripts. Compression runs in zlib's thread pool, off the event loop.
 * Apollo sends a complete answer with one `res.send(string)`, which is what is taken over here; streamed
 * answers (incremental delivery, not used by the web) go as Express sends them. A kept answer's bytes,
 * plain or compressed, are made once (AnswerEncodings).
 */
export function compressedAnswers(req: Request, res: Response, next: NextFunction): void {
  res.vary('Accept-Encoding');
  const encoding = acceptedEncodings(req.headers['accept-encoding'])[0];
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    res.send = send;
    if (typeof body !== 'string' || res.getHeader('Content-Encoding') || req.method === 'HEAD') return send(body);
    const held = (req as RequestWithAnswerEncodings).answerEncodings;
    const kept = held?.json === body ? held : undefined;
    if (!encoding || body.length < COMPRESS_FROM_CHARS) {
      let plain = kept?.identity;
      if (!plain) {
        plain = Buffer.from(body, 'utf8');
        if (kept) kept.identity = plain;
      }
      sendBytes(res, plain);
      return res;
    }
    let bytes = kept?.[encoding];
    if (!bytes) {
      bytes = compress(encoding, body, 'fast');
      if (kept) kept[encoding] = bytes;
    }
    bytes.then(
      (compressed) => sendBytes(res, compressed, encoding),
      () => {
        // zlib does not fail on a string in memory; were it to, the answer still goes, uncompressed.
        if (kept) delete kept[encoding];
        sendBytes(res, Buffer.from(body, 'utf8'));
      },
    );
    return res;
  };
  next();
}
