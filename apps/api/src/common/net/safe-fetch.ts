import { promises as dns, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { PUBLIC_ONLY, type AddressPolicy } from './address-policy.js';

export const FETCH_STATUSES = [
  'REACHABLE',
  'NOT_FOUND',
  'SERVER_ERROR',
  'TIMEOUT',
  'UNREACHABLE',
  'BLOCKED',
  'TOO_LARGE',
  'NOT_HTML',
] as const;
export type FetchStatus = (typeof FETCH_STATUSES)[number];

export interface FetchOptions {
  /** Which addresses may be connected to; public ones only by default. */
  policy?: AddressPolicy;
  /** For the whole fetch, redirects included. */
  timeoutMs?: number;
  /** Bytes of (decompressed) body read at most; a longer page is TOO_LARGE and analysed from its start. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Name resolution, replaceable in tests; must return every address of the host. */
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
}

export interface FetchedPage {
  status: FetchStatus;
  httpStatus: number | null;
  /** The URL after redirects (the last http(s) one tried; a redirect to another scheme is not followed or recorded). */
  finalUrl: string | null;
  contentType: string | null;
  /** The body for HTML pages (REACHABLE, or the first maxBytes when TOO_LARGE); null otherwise. */
  body: Buffer | null;
  /** Why, in English, for logs only. */
  detail: string | null;
}

export const DEFAULT_FETCH_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

// Some government sites refuse or serve an "unsupported browser" page to unknown agents.
const HEADERS = {
  'user-agent':
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
  'accept-language': 'zh-CN,zh;q=0.9',
  'accept-encoding': 'gzip, deflate, br',
};
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

const defaultResolve = (hostname: string) => dns.lookup(hostname, { all: true, verbatim: true });

/**
 * Fetches an evidence page without letting a submitted URL reach what it should not (SSRF): every hop's
 * host is resolved, every address vetted, and the connection pinned to the vetted address so a second
 * DNS answer cannot swap in an internal one (DNS rebinding). Bounded in time, size and redirects.
 * Never throws: every failure is a status.
 */
export async function fetchPage(url: string, options: FetchOptions): Promise<FetchedPage> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS);
  let current: string | null = null;
  try {
    return await follow(url, options, controller.signal, (next) => (current = next));
  } catch (error) {
    if (controller.signal.aborted) return failure('TIMEOUT', current, 'timed out');
    return failure('UNREACHABLE', current, (error as Error).message ?? String(error));
  } finally {
    clearTimeout(timer);
  }
}

async function follow(
  start: string,
  options: FetchOptions,
  signal: AbortSignal,
  visit: (url: string) => void,
): Promise<FetchedPage> {
  let url: URL;
  try {
    url = new URL(start);
  } catch {
    return failure('UNREACHABLE', null, 'not a URL');
  }
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let previous: string | null = null;
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return failure('BLOCKED', previous, `scheme ${url.protocol} refused`);
    visit(url.href);
    const address = await vettedAddress(url, options, signal);
    if (typeof address === 'string')
      return failure(address === 'NO_ADDRESS' ? 'UNREACHABLE' : 'BLOCKED', url.href, address);
    const response = await get(url, address, signal);
    const location = response.headers.location;
    if (REDIRECTS.has(response.statusCode ?? 0) && location) {
      response.destroy();
      if (hop >= maxRedirects)
        return failure('UNREACHABLE', url.href, `more than ${maxRedirects} redirects`, response.statusCode);
      previous = url.href;
      try {
        url = new URL(location, url);
      } catch {
        return failure('UNREACHABLE', previous, 'redirect to a malformed URL', response.statusCode);
      }
      continue;
    }
    return read(response, url.href, options);
  }
}

/** The address to connect to, or why there is none: every address of the host must be allowed. */
async function vettedAddress(url: URL, options: FetchOptions, signal: AbortSignal): Promise<LookupAddress | string> {
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: LookupAddress[];
  try {
    addresses = await abortable((options.resolve ?? defaultResolve)(hostname), signal);
  } catch (error) {
    if (signal.aborted) throw error;
    return 'NO_ADDRESS';
  }
  if (addresses.length === 0) return 'NO_ADDRESS';
  const refused = addresses.find((a) => !(options.policy ?? PUBLIC_ONLY).allows(a.address));
  if (refused) return `address ${refused.address} of ${hostname} refused`;
  return addresses[0];
}

function get(url: URL, address: LookupAddress, signal: AbortSignal): Promise<IncomingMessage> {
  return send(url, address, signal, 'GET', HEADERS);
}

function send(
  url: URL,
  address: LookupAddress,
  signal: AbortSignal,
  method: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<IncomingMessage> {
  // The connection goes to the address we checked, not to whatever a second lookup would answer.
  const pinned: LookupFunction = (_hostname, opts, callback) => {
    if ((opts as { all?: boolean }).all) (callback as (e: null, a: LookupAddress[]) => void)(null, [address]);
    else callback(null, address.address, address.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(url, { method, headers, agent: false, lookup: pinned, signal }, resolve);
    request.on('error', reject);
    request.end(body);
  });
}

async function read(response: IncomingMessage, finalUrl: string, options: FetchOptions): Promise<FetchedPage> {
  const httpStatus = response.statusCode ?? 0;
  const contentType = response.headers['content-type'] ?? null;
  const result = (status: FetchStatus, body: Buffer | null = null, detail: string | null = null): FetchedPage => ({
    status,
    httpStatus,
    finalUrl,
    contentType,
    body,
    detail,
  });
  if (httpStatus < 200 || httpStatus >= 300) {
    response.destroy();
    if (httpStatus >= 400 && httpStatus < 500) return result('NOT_FOUND');
    if (httpStatus >= 500) return result('SERVER_ERROR');
    return result('UNREACHABLE', null, `unexpected status ${httpStatus}`);
  }
  // A link to a PDF or a picture is a reachable page we cannot read a title or date from.
  if (contentType && !HTML_TYPES.test(contentType)) {
    response.destroy();
    return result('NOT_HTML');
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const { body, truncated } = await readAtMost(decompressed(response), maxBytes);
  response.destroy();
  return result(truncated ? 'TOO_LARGE' : 'REACHABLE', body);
}

/** The size limit counts decompressed bytes, so a small gzip bomb stays small. */
function decompressed(response: IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : null;
  if (!decoder) return response;
  response.on('error', (error) => decoder.destroy(error));
  return response.pipe(decoder);
}

async function readAtMost(stream: Readable, maxBytes: number): Promise<{ body: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    if (size + buffer.length > maxBytes) {
      chunks.push(buffer.subarray(0, maxBytes - size));
      stream.destroy();
      return { body: Buffer.concat(chunks), truncated: true };
    }
    chunks.push(buffer);
    size += buffer.length;
  }
  return { body: Buffer.concat(chunks), truncated: false };
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('aborted'));
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function failure(
  status: FetchStatus,
  finalUrl: string | null,
  detail: string,
  httpStatus: number | null = null,
): FetchedPage {
  return { status, httpStatus, finalUrl, contentType: null, body: null, detail };
}

export interface JsonRequest {
  method: 'GET' | 'POST';
  /** Sent as application/json. */
  body?: unknown;
  /** Which addresses may be connected to; public ones only by default. */
  policy?: AddressPolicy;
  timeoutMs?: number;
  /** Bytes of the answer read at most. */
  maxBytes?: number;
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
}

export interface JsonResponse {
  /** REACHABLE when an answer came back, whatever its HTTP status. */
  status: FetchStatus;
  httpStatus: number | null;
  /** The parsed answer; null when it was not JSON. */
  json: unknown;
  /** The answer as text (bounded), for showing what a platform said. */
  text: string;
  detail: string | null;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' };
const DEFAULT_JSON_MAX_BYTES = 64 * 1024;

/**
 * One JSON call to an API (a 钉钉/企业微信 robot or open platform) through the same vetting and pinning
 * as fetchPage. No redirects: an API that redirects is not the API that was configured. Never throws.
 */
export async function requestJson(url: string, options: JsonRequest): Promise<JsonResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS);
  const fail = (status: FetchStatus, detail: string, httpStatus: number | null = null): JsonResponse => ({
    status,
    httpStatus,
    json: null,
    text: '',
    detail,
  });
  try {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return fail('UNREACHABLE', 'not a URL');
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:')
      return fail('BLOCKED', `scheme ${target.protocol} refused`);
    const address = await vettedAddress(
      target,
      { policy: options.policy, resolve: options.resolve },
      controller.signal,
    );
    if (typeof address === 'string') return fail(address === 'NO_ADDRESS' ? 'UNREACHABLE' : 'BLOCKED', address);
    const body = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body), 'utf8');
    const headers = body ? { ...JSON_HEADERS, 'content-length': String(body.length) } : { accept: JSON_HEADERS.accept };
    const response = await send(target, address, controller.signal, options.method, headers, body);
    const { body: raw, truncated } = await readAtMost(
      decompressed(response),
      options.maxBytes ?? DEFAULT_JSON_MAX_BYTES,
    );
    response.destroy();
    const text = raw.toString('utf8');
    let json: unknown = null;
    try {
      json = truncated ? null : JSON.parse(text);
    } catch {
      json = null;
    }
    return {
      status: truncated ? 'TOO_LARGE' : 'REACHABLE',
      httpStatus: response.statusCode ?? null,
      json,
      text,
      detail: null,
    };
  } catch (error) {
    if (controller.signal.aborted) return fail('TIMEOUT', 'timed out');
    return fail('UNREACHABLE', (error as Error).message ?? String(error));
  } finally {
    clearTimeout(timer);
  }
}
