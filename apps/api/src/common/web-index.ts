import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response } from 'express';
import { sessionCookieOf } from '../modules/auth/session.service.js';
import type { RequestWithViewer } from './auth.decorators.js';
import { acceptedEncodings, compress, compressBoth, sendEncoded, type EncodedBody } from './content-encoding.js';
import { FIRST_TASKS_MARKER, firstScreenTasks, type FirstTasksSource } from './first-screen-tasks.js';

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
  /** The frame's page as text, when it has the place for the liaison's first task cards. */
  frameHtml?: string;
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
  let frameHtml: string | undefined;
  const hashes = new Set(inlineScriptHashes(index.html));
  for (const [screen, name] of Object.entries(FIRST_SCREENS) as [FirstScreen, string][]) {
    const screenFile = path.join(path.dirname(file), name);
    if (!existsSync(screenFile)) continue;
    const { body, html } = await page(screenFile);
    screens[screen] = body;
    if (screen === 'frame' && html.includes(FIRST_TASKS_MARKER)) frameHtml = html;
    inlineScriptHashes(html).forEach((hash) => hashes.add(hash));
  }
  return { body: index.body, screens, frameHtml, scriptHashes: [...hashes] };
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
 * Only the liaison's task cards (sendWebIndex) are read for the session, which is checked for them.
 */
export function firstScreenFor(pathname: string, cookies: Record<string, string> | undefined): FirstScreen | null {
  const signedIn = !!sessionCookieOf(cookies);
  const unframed = UNFRAMED.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (pathname === '/login') return signedIn ? null : 'signIn';
  return signedIn && !unframed ? 'frame' : null;
}

/** The liaison's home, whose first screen may carry the unit's first task cards. */
const UNIT_HOME = '/unit';

/** The home's list unfiltered (?light=, ?q= filter it; ?task= opens one over it): the cards are its first. */
const unfiltered = (req: Request) => Object.keys(req.query).every((key) => key === 'task');

/**
 * Sends the page (the app decides what to show; the browser asks again each time, 304 when unchanged).
 * A signed-in visit to the liaison's home gets the frame with the unit's first task cards drawn in it
 * (first-screen-tasks.ts) when the session is a unit's and they come within their budget: on a phone
 * the list is then usable seconds before the app's code has arrived. That page is that person's alone:
 * never stored by any cache, compressed on the way out (brotli's fast setting: well under a millisecond).
 */
export async function sendWebIndex(
  index: WebIndex,
  req: Request,
  res: Response,
  tasks?: FirstTasksSource,
): Promise<void> {
  const screen = firstScreenFor(req.path, req.cookies as Record<string, string> | undefined);
  // The page depends on the session cookie's presence: no cache may give one visitor's page to another.
  res.vary('Cookie');
  const list =
    screen === 'frame' && req.path === UNIT_HOME && unfiltered(req) && index.frameHtml && tasks
      ? await firstScreenTasks(tasks, req as unknown as RequestWithViewer)
      : null;
  if (list) {
    const plain = Buffer.from(
      index.frameHtml!.replace(FIRST_TASKS_MARKER, () => list),
      'utf8',
    );
    const etag = `W/"${createHash('sha256').update(plain).digest('base64url').slice(0, 27)}"`;
    const encoding = acceptedEncodings(req.headers['accept-encoding'])[0];
    const body: EncodedBody = {
      etag,
      plain,
      ...(encoding ? { [encoding]: await compress(encoding, plain, 'fast') } : {}),
    };
    res.setHeader('Cache-Control', 'private, no-store');
    sendEncoded(req, res, body, 'text/html; charset=utf-8');
    return;
  }
  res.setHeader('Cache-Control', 'no-cache');
  sendEncoded(req, res, (screen && index.screens[screen]) || index.body, 'text/html; charset=utf-8');
}
