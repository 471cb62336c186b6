import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response } from 'express';
import { sessionCookieOf } from '../modules/auth/session.service.js';
import { compressBoth, sendEncoded, type EncodedBody } from './content-encoding.js';

/**
 * The page with something drawn in it before the app's code has run, each a file the web build writes
 * beside index.html (apps/web/build/first-screens.ts): the sign-in card, and the signed-in frame.
 */
const FIRST_SCREENS = { signIn: 'index.sign-in.html', frame: 'index.frame.html' } as const;
type FirstScreen = keyof typeof FIRST_SCREENS;

/** Signed-in pages drawn outside the frame (app-routes.tsx), and the sign-in page. */
const UNFRAMED = ['/login', '/change-password', '/two-factor'];

/** The web app's index.html as this process serves it, and the policy sources of its inline scripts. */
export interface WebIndex {
  body: EncodedBody;
  /** The same page with a first screen, when the build wrote one. */
  screens: Partial<Record<FirstScreen, EncodedBody>>;
  /** `'sha256-…'` for each inline script, for the content-security policy's script-src. */
  scriptHashes: string[];
}

/**
 * Reads index.html once at start: the page sent and the hashes the policy allows then come from the
 * same bytes, so a build replaced under a running process cannot leave its inline script blocked
 * (nor an old one allowed). Compressed once here because it is sent on every first visit.
 */
export async function readWebIndex(file: string): Promise<WebIndex> {
  const page = async (file: string) => {
    const plain = await readFile(file);
    const etag = `W/"${createHash('sha256').update(plain).digest('base64url').slice(0, 27)}"`;
    return { body: { etag, plain, ...(await compressBoth(plain)) }, html: plain.toString('utf8') };
  };
  const index = await page(file);
  const screens: WebIndex['screens'] = {};
  const hashes = new Set(inlineScriptHashes(index.html));
  for (const [screen, name] of Object.entries(FIRST_SCREENS) as [FirstScreen, string][]) {
    const screenFile = path.join(path.dirname(file), name);
    if (!existsSync(screenFile)) continue;
    const { body, html } = await page(screenFile);
    screens[screen] = body;
    inlineScriptHashes(html).forEach((hash) => hashes.add(hash));
  }
  return { body: index.body, screens, scriptHashes: [...hashes] };
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

/**
 * Which first screen a visit gets, from the address and whether a session cookie came: the sign-in card
 * for someone signed out opening the sign-in page, the frame for someone signed in opening a page drawn
 * in it. The session is not checked here (an expired one still gets the frame, then the app sends its
 * visitor to sign in): the screens hold nothing of any tenant, so a wrong guess shows nobody's data.
 */
export function firstScreenFor(pathname: string, cookies: Record<string, string> | undefined): FirstScreen | null {
  const signedIn = !!sessionCookieOf(cookies);
  const unframed = UNFRAMED.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (pathname === '/login') return signedIn ? null : 'signIn';
  return signedIn && !unframed ? 'frame' : null;
}

/** Sends the page (the app decides what to show; the browser asks again each time, 304 when unchanged). */
export function sendWebIndex(index: WebIndex, req: Request, res: Response): void {
  const screen = firstScreenFor(req.path, req.cookies as Record<string, string> | undefined);
  res.setHeader('Cache-Control', 'no-cache');
  // The page depends on the session cookie's presence: no cache may give one visitor's page to another.
  res.vary('Cookie');
  sendEncoded(req, res, (screen && index.screens[screen]) || index.body, 'text/html; charset=utf-8');
}
