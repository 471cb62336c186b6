import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { PUBLIC_STATE_LABELS, type PublicState } from '@duban/domain';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth.decorators.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { publicCsv, publicJson } from './public-open-data.js';
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
import type { PublicProgress } from './public-progress.js';
import { PublicSnapshotService, type PublicTenant } from './public-snapshot.service.js';

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

/** A body with its validator, computed once per snapshot (the snapshot object lives as long as its revision). */
interface Rendered {
  body: string;
  /** Weak: the same validator for the plain and the gzip body. */
  etag: string;
  gzip?: Buffer;
}

const rendered = (body: string): Rendered => ({
  body,
  etag: `W/"${createHash('sha1').update(body).digest('base64url')}"`,
});

/** What a public path resolved to a moment ago (null: nothing public there). */
interface Resolved {
  at: number;
  found: { tenant: PublicTenant; snapshot: PublicProgress } | null;
}
const RESOLVED_LIMIT = 10_000;

/**
 * 政务公开: a plan's progress for anyone, no sign-in, at /gk/<tenant code>/<plan year or id>. Served as
 * HTML from a shared snapshot, with ETag and a short public cache; the same content as JSON and CSV.
 * Only plans the office turned public answer; everything else is the same 404.
 */
@Controller('gk')
@Public()
export class PublicPageController {
  private readonly throttle: PublicPageThrottle;
  private readonly renders = new WeakMap<PublicProgress, Map<string, Rendered>>();
  private readonly resolved = new Map<string, Resolved>();

  constructor(
    private readonly snapshots: PublicSnapshotService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.throttle = new PublicPageThrottle(config.publicPageRatePerMinute);
  }

  /**
   * The tenant and current snapshot behind a public path. Asking the database (three statements) is
   * most of a request's cost, so a process reuses the answer for publicPageFreshMs (2 s): a change
   * or a page turned off shows within that, well inside the 60 s browsers may cache the page anyway.
   */
  private async resolve(code: string, planArg: string): Promise<Resolved['found']> {
    const key = `${code}|${planArg}`;
    const now = Date.now();
    const held = this.resolved.get(key);
    if (held && now - held.at < this.config.publicPageFreshMs) return held.found;
    const tenant = await this.snapshots.tenant(code);
    const plan = tenant && (await this.snapshots.plan(tenant, planArg, true));
    const found = tenant && plan ? { tenant, snapshot: await this.snapshots.snapshot(tenant, plan) } : null;
    if (this.config.publicPageFreshMs > 0) {
      if (this.resolved.size >= RESOLVED_LIMIT) this.resolved.clear();
      this.resolved.set(key, { at: now, found });
    }
    return found;
  }

  @Get(':tenant/:plan')
  async plan(
    @Param('tenant') code: string,
    @Param('plan') plan: string,
    @Query() q: Record<string, QueryValue>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    await this.serve(req, res, code, plan, (p, tenant) => {
      const f = filters(q);
      const base = `/gk/${tenant.code}/${encodeURIComponent(plan)}`;
      const unfiltered = !f.q && !f.section && !f.unit && !f.state;
      return unfiltered
        ? this.once(p, `html:${base}`, () => planPage(p, base, NO_FILTERS))
        : rendered(planPage(p, base, f));
    });
  }

  @Get(':tenant/:plan/items/:no')
  async keyPoint(
    @Param('tenant') code: string,
    @Param('plan') plan: string,
    @Param('no') no: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    await this.serve(req, res, code, plan, (p, tenant) => {
      const kp = /^\d{1,5}$/.test(no) ? p.keyPoints.find((k) => k.no === Number(no)) : undefined;
      if (!kp) return null;
      const base = `/gk/${tenant.code}/${encodeURIComponent(plan)}`;
      return this.once(p, `kp:${base}:${kp.no}`, () => keyPointPage(p, kp, base));
    });
  }

  @Get(':tenant/:plan/data.json')
  async json(@Param('tenant') code: string, @Param('plan') plan: string, @Req() req: Request, @Res() res: Response) {
    res.setHeader('Access-Control-Allow-Origin', '*');
    await this.serve(
      req,
      res,
      code,
      plan,
      (p) => this.once(p, 'json', () => publicJson(p)),
      'application/json; charset=utf-8',
    );
  }

  @Get(':tenant/:plan/data.csv')
  async csv(@Param('tenant') code: string, @Param('plan') plan: string, @Req() req: Request, @Res() res: Response) {
    res.setHeader('Access-Control-Allow-Origin', '*');
    await this.serve(
      req,
      res,
      code,
      plan,
      (p, tenant) => {
        // Named from checked values only: the path's own text may hold anything.
        res.setHeader('Content-Disposition', `attachment; filename="gk-${tenant.code}-${p.plan.year}.csv"`);
        return this.once(p, 'csv', () => publicCsv(p));
      },
      'text/csv; charset=utf-8',
    );
  }

  private once(p: PublicProgress, key: string, render: () => string): Rendered {
    let byKey = this.renders.get(p);
    if (!byKey) this.renders.set(p, (byKey = new Map()));
    let r = byKey.get(key);
    if (!r) byKey.set(key, (r = rendered(render())));
    return r;
  }

  private async serve(
    req: Request,
    res: Response,
    code: string,
    planArg: string,
    render: (p: PublicProgress, tenant: PublicTenant) => Rendered | null,
    type = 'text/html; charset=utf-8',
  ): Promise<void> {
    const html = (status: number, body: string) => {
      pageHeaders(res, []);
      res.status(status).type('text/html; charset=utf-8').setHeader('Cache-Control', 'no-store');
      res.send(body);
    };
    if (!this.throttle.allow(req.ip ?? 'unknown')) {
      res.setHeader('Retry-After', '60');
      return html(429, tooManyPage());
    }
    const found = await this.resolve(code, planArg);
    if (!found) return html(404, notFoundPage());
    const { tenant, snapshot } = found;
    let out: Rendered | null;
    try {
      out = render(snapshot, tenant);
    } catch (error) {
      if (error instanceof BadFilter) return html(400, badRequestPage(error.message));
      throw error;
    }
    if (!out) return html(404, notFoundPage());
    pageHeaders(res, tenant.settings.publicFrameAncestors);
    res.setHeader('Cache-Control', 'public, max-age=60, must-revalidate');
    res.setHeader('ETag', out.etag);
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === out.etag) {
      res.status(304).end();
      return;
    }
    res.status(200).type(type);
    if (req.acceptsEncodings('gzip') === 'gzip') {
      // Compressed once per snapshot and kept with it: a province page is a fifth of its size gzipped.
      out.gzip ??= gzipSync(out.body);
      res.setHeader('Content-Encoding', 'gzip');
      res.send(out.gzip);
    } else res.send(out.body);
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
