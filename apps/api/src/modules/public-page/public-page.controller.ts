import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { PUBLIC_STATE_LABELS, type PublicState } from '@duban/domain';
import type { NextFunction, Request, Response } from 'express';
import { Public } from '../../common/auth.decorators.js';
import { sendEncoded, type EncodedBody } from '../../common/content-encoding.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { renderedBytes, storedBytes } from './public-bodies.js';
import {
  badRequestPage,
  keyPointPage,
  NO_FILTERS,
  notFoundPage,
  planPage,
  SCRIPT_HASH,
  tooManyPage,
  type PublicFilters,
} from './public-page-html.js';
import { PublicPageThrottle } from './public-page-throttle.js';
import {
  PublicSnapshotService,
  type PublicPlan,
  type PublicSnapshot,
  type PublicTenant,
} from './public-snapshot.service.js';

type QueryValue = string | string[] | undefined;

class BadFilter extends Error {}

/** Filter values from the query string: single, short, and (for state) one of the four. */
function filters(q: Record<string, QueryValue>): PublicFilters {
  const get = (name: string, max: number) => {
    const v = q[name];
    if (v === undefined) return '';
    if (Array.isArray(v) || v.length > max) throw new BadFilter(`筛选条件“${name}”过长或重复`);
    return v.trim();
  };
  const state = get('state', 20);
  if (state && !(state in PUBLIC_STATE_LABELS)) throw new BadFilter('状态筛选应为 已完成、推进中、已逾期 或 已延期');
  return { q: get('q', 50), section: get('section', 200), unit: get('unit', 100), state: state as PublicState | '' };
}

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const CSV = 'text/csv; charset=utf-8';

/** A public address resolved: the tenant, the plan and its current snapshot. */
interface Found {
  tenant: PublicTenant;
  plan: PublicPlan;
  snapshot: PublicSnapshot;
}

/** What a public address resolved to a moment ago (null: nothing public there). */
interface Resolved {
  at: number;
  found: Found | null;
}
const RESOLVED_LIMIT = 10_000;

/** What a body is, and the headers besides the page's policy that go with it. */
interface Answer {
  body: EncodedBody;
  type: string;
  headers?: Record<string, string>;
}

/** The addresses the held answers serve: the plan's page, its open data and a key point's page. */
const HELD_PATH = /^\/([^/?]+)\/([^/?]+)(?:\/(data\.json|data\.csv|items\/\d{1,5}))?$/;

/**
 * 政务公开: a plan's progress for anyone, no sign-in, at /gk/<tenant code>/<plan year or id>. Served as
 * HTML from a shared snapshot, with ETag and a short public cache; the same content as JSON and CSV.
 * Only plans the office turned public answer; everything else is the same 404.
 */
@Controller('gk')
@Public()
export class PublicPageController {
  private readonly throttle: PublicPageThrottle;
  /** Bodies as bytes, made once per snapshot in this process (a snapshot lives as long as its revision). */
  private readonly bodies = new WeakMap<PublicSnapshot, Map<string, EncodedBody>>();
  private readonly resolved = new Map<string, Resolved>();
  private readonly resolving = new Map<string, Promise<Found | null>>();

  constructor(
    private readonly snapshots: PublicSnapshotService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.throttle = new PublicPageThrottle(config.publicPageRatePerMinute);
  }

  /**
   * The tenant, plan and current snapshot behind a public address. Asking the database (three
   * statements) would be most of a request's cost, so a process reuses the answer for
   * publicPageFreshMs (2 s), and concurrent requests after that share one asking: a change or a page
   * turned off shows within that, well inside the 60 s browsers may cache the page anyway.
   */
  private async resolve(code: string, planArg: string): Promise<Found | null> {
    const key = `${code}|${planArg}`;
    const held = this.held(key);
    if (held) return held.found;
    let asking = this.resolving.get(key);
    if (!asking) {
      asking = this.ask(key, code, planArg).finally(() => this.resolving.delete(key));
      this.resolving.set(key, asking);
    }
    return asking;
  }

  private held(key: string): Resolved | undefined {
    const held = this.resolved.get(key);
    return held && Date.now() - held.at < this.config.publicPageFreshMs ? held : undefined;
  }

  private async ask(key: string, code: string, planArg: string): Promise<Found | null> {
    const at = Date.now();
    const tenant = await this.snapshots.tenant(code);
    const plan = tenant && (await this.snapshots.plan(tenant, planArg, true));
    const found = tenant && plan ? { tenant, plan, snapshot: await this.snapshots.snapshot(tenant, plan) } : null;
    if (this.config.publicPageFreshMs > 0) {
      if (this.resolved.size >= RESOLVED_LIMIT) this.resolved.clear();
      this.resolved.set(key, { at, found });
    }
    return found;
  }

  /**
   * The way most requests take: an unfiltered address whose answer this process holds and still trusts
   * (see resolve) is sent from memory before the rest of the app's request handling (sessions, body
   * parsing, routing), which would cost more than the answer. Anything else goes on to the routes below.
   */
  serveHeld(req: Request, res: Response, next: NextFunction): void {
    const m = (req.method === 'GET' || req.method === 'HEAD') && HELD_PATH.exec(req.url);
    const held = m && this.held(`${safeDecode(m[1])}|${safeDecode(m[2])}`);
    if (!m || !held) return next();
    if (!this.throttle.allow(req.ip ?? 'unknown')) return this.refuse(res, 429);
    const answer = held.found && this.answer(held.found, safeDecode(m[2]), m[3] ?? '', null);
    if (!answer) return this.refuse(res, 404);
    this.send(req, res, held.found!, answer);
  }

  @Get(':tenant/:plan')
  async plan(
    @Param('tenant') code: string,
    @Param('plan') plan: string,
    @Query() q: Record<string, QueryValue>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    // Links in the page are relative to the plan's address, which has no trailing slash.
    if (req.path.endsWith('/')) return res.redirect(301, req.originalUrl.replace(/\/+(?=\?|$)/, ''));
    await this.serve(req, res, code, plan, '', q);
  }

  @Get(':tenant/:plan/items/:no')
  async keyPoint(
    @Param('tenant') code: string,
    @Param('plan') plan: string,
    @Param('no') no: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    await this.serve(req, res, code, plan, /^\d{1,5}$/.test(no) ? `items/${no}` : 'items/none');
  }

  @Get(':tenant/:plan/data.json')
  async json(@Param('tenant') code: string, @Param('plan') plan: string, @Req() req: Request, @Res() res: Response) {
    await this.serve(req, res, code, plan, 'data.json');
  }

  @Get(':tenant/:plan/data.csv')
  async csv(@Param('tenant') code: string, @Param('plan') plan: string, @Req() req: Request, @Res() res: Response) {
    await this.serve(req, res, code, plan, 'data.csv');
  }

  private async serve(
    req: Request,
    res: Response,
    code: string,
    planArg: string,
    what: string,
    query: Record<string, QueryValue> = {},
  ): Promise<void> {
    if (!this.throttle.allow(req.ip ?? 'unknown')) return this.refuse(res, 429);
    const found = await this.resolve(code, planArg);
    if (!found) return this.refuse(res, 404);
    let answer: Answer | null;
    try {
      answer = this.answer(found, planArg, what, Object.keys(query).length ? filters(query) : null);
    } catch (error) {
      if (error instanceof BadFilter) return this.refuse(res, 400, error.message);
      throw error;
    }
    if (!answer) return this.refuse(res, 404);
    this.send(req, res, found, answer);
  }

  /**
   * The body for an address under a plan (`what`: '' for the page, 'data.json', 'data.csv' or
   * 'items/<no>'); null when there is none. The unfiltered page at the year address and the open data
   * were stored with the snapshot; the rest is rendered here once per snapshot, a filtered page each time.
   */
  private answer(found: Found, planArg: string, what: string, f: PublicFilters | null): Answer | null {
    const { tenant, snapshot } = found;
    const p = snapshot.progress;
    const base = `/gk/${tenant.code}/${encodeURIComponent(planArg)}`;
    if (what === 'data.json') return { body: this.stored(snapshot, 'json'), type: JSON_TYPE, headers: OPEN_DATA };
    if (what === 'data.csv') {
      // Named from checked values only: the path's own text may hold anything.
      const name = `attachment; filename="gk-${tenant.code}-${p.plan.year}.csv"`;
      return { body: this.stored(snapshot, 'csv'), type: CSV, headers: { ...OPEN_DATA, 'Content-Disposition': name } };
    }
    if (what.startsWith('items/')) {
      const kp = p.keyPoints.find((k) => `items/${k.no}` === what);
      return kp ? { body: this.once(snapshot, `${base}/${what}`, () => keyPointPage(p, kp, base)), type: HTML } : null;
    }
    if (f && (f.q || f.section || f.unit || f.state)) return { body: renderedBytes(planPage(p, base, f)), type: HTML };
    if (planArg === String(p.plan.year)) return { body: this.stored(snapshot, 'page'), type: HTML };
    return { body: this.once(snapshot, base, () => planPage(p, base, NO_FILTERS)), type: HTML };
  }

  private stored(snapshot: PublicSnapshot, name: keyof PublicSnapshot['bodies']): EncodedBody {
    return this.memo(snapshot, name, () => storedBytes(snapshot.bodies[name]));
  }

  private once(snapshot: PublicSnapshot, key: string, render: () => string): EncodedBody {
    return this.memo(snapshot, key, () => renderedBytes(render()));
  }

  private memo(snapshot: PublicSnapshot, key: string, make: () => EncodedBody): EncodedBody {
    let byKey = this.bodies.get(snapshot);
    if (!byKey) this.bodies.set(snapshot, (byKey = new Map()));
    let body = byKey.get(key);
    if (!body) byKey.set(key, (body = make()));
    return body;
  }

  private send(req: Request, res: Response, found: Found, answer: Answer): void {
    pageHeaders(res, found.tenant.settings.publicFrameAncestors);
    res.setHeader('Cache-Control', 'public, max-age=60, must-revalidate');
    for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
    sendEncoded(req, res, answer.body, answer.type);
  }

  /** The same small page for every refusal, never cached. */
  private refuse(res: Response, status: 400 | 404 | 429, message = ''): void {
    pageHeaders(res, []);
    if (status === 429) res.setHeader('Retry-After', '60');
    res.status(status).type(HTML).setHeader('Cache-Control', 'no-store');
    res.send(status === 429 ? tooManyPage() : status === 400 ? badRequestPage(message) : notFoundPage());
  }
}

/** The open data is for anyone's use, from any origin. */
const OPEN_DATA = { 'Access-Control-Allow-Origin': '*' };

/** A path segment as the router would decode it; a malformed one matches nothing. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '\u0000';
  }
}

/**
 * The page's own policy in place of the app's: no script but the filter's, and framing only by the
 * origins the office allowed (`'self'` for the office's preview; none by default).
 */
export function pageHeaders(res: Response, frameAncestors: string[] | 'self'): void {
  const ancestors = frameAncestors === 'self' ? "'self'" : frameAncestors.length ? frameAncestors.join(' ') : "'none'";
  res.setHeader(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'unsafe-inline'; script-src ${SCRIPT_HASH}; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors ${ancestors}`,
  );
  if (frameAncestors === 'self') res.setHeader('X-Frame-Options', 'SAMEORIGIN');
  else if (frameAncestors.length) res.removeHeader('X-Frame-Options');
  else res.setHeader('X-Frame-Options', 'DENY');
}
