import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Request, Response } from 'express';
import { compressBoth, sendEncoded, type EncodedBody } from './content-encoding.js';

/** The web app's index.html as this process serves it, and the policy sources of its inline scripts. */
export interface WebIndex {
  body: EncodedBody;
  /** `'sha256-…'` for each inline script, for the content-security policy's script-src. */
  scriptHashes: string[];
}

/**
 * Reads index.html once at start: the page sent and the hashes the policy allows then come from the
 * same bytes, so a build replaced under a running process cannot leave its inline script blocked
 * (nor an old one allowed). Compressed once here because it is sent on every first visit.
 */
export async function readWebIndex(file: string): Promise<WebIndex> {
  const plain = await readFile(file);
  const html = plain.toString('utf8');
  const etag = `W/"${createHash('sha256').update(plain).digest('base64url').slice(0, 27)}"`;
  return { body: { etag, plain, ...(await compressBoth(plain)) }, scriptHashes: inlineScriptHashes(html) };
}

/**
 * `'sha256-…'` of each inline script of a page we built ourselves (never of user content): a browser
 * hashes the text exactly as written between the tags, so this does too. Scripts with a src are
 * allowed by `'self'` and need none.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, text] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/** Sends the page (the app decides what to show; the browser asks again each time, 304 when unchanged). */
export function sendWebIndex(index: WebIndex, req: Request, res: Response): void {
  res.setHeader('Cache-Control', 'no-cache');
  sendEncoded(req, res, index.body, 'text/html; charset=utf-8');
}
