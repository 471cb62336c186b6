import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth.decorators.js';
import { isUuid } from '../../common/validation.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { runInTenant, runOutsideTenant } from '../../database/tenant-context.js';
import { setSessionCookies } from '../auth/index.js';
import { refusalOf } from './sso-refusal.js';
import { SSO_ATTEMPT_MINUTES, SsoService } from './sso.service.js';

const ATTEMPT_COOKIE = 'duban_sso';
const ATTEMPT_PATH = '/auth/sso';

/**
 * The browser's side of single sign-on: plain redirects, since the provider's pages are not ours.
 * A refusal lands on the sign-in page with its Chinese message (`/login?ssoError=…`), never on a
 * page the return path could choose.
 */
@Controller('auth/sso')
@Public()
export class SsoController {
  constructor(
    private readonly sso: SsoService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private origin(req: Request): string {
    return `${req.protocol}://${req.get('host')}`;
  }

  private secure(req: Request): boolean {
    return req.secure || this.config.trustProxy;
  }

  private failed(res: Response, error: unknown, next?: unknown) {
    const refusal = refusalOf(error);
    const params = new URLSearchParams({ ssoError: refusal.userMessage });
    if (typeof next === 'string' && next) params.set('next', next);
    res.redirect(303, `/login?${params}`);
  }

  /** `GET /auth/sso/start?tenant=<机构代码>&next=<path>`: to the provider's sign-in page. */
  @Get('start')
  async start(
    @Query('tenant') tenant: unknown,
    @Query('next') next: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    try {
      const started = await runOutsideTenant(() => this.sso.start(String(tenant ?? ''), next, this.origin(req)));
      res.cookie(ATTEMPT_COOKIE, started.cookie, {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.secure(req),
        path: ATTEMPT_PATH,
        maxAge: SSO_ATTEMPT_MINUTES * 60 * 1000,
      });
      res.redirect(303, started.url);
    } catch (error) {
      this.failed(res, error, next);
    }
  }

  /** `GET /auth/sso/callback?code=…&state=…`: the provider sends the browser back here. */
  @Get('callback')
  async callback(@Req() req: Request, @Res() res: Response) {
    const cookie = (req.cookies as Record<string, string> | undefined)?.[ATTEMPT_COOKIE];
    res.clearCookie(ATTEMPT_COOKIE, { path: ATTEMPT_PATH, httpOnly: true, sameSite: 'lax', secure: this.secure(req) });
    try {
      const url = new URL(req.originalUrl, this.origin(req));
      const meta = { ip: req.ip, userAgent: req.get('user-agent') };
      const tenantId = cookie?.split('.')[0] ?? '';
      const finish = () => this.sso.finish(url, cookie, this.origin(req), meta);
      const done = await (isUuid(tenantId) ? runInTenant(tenantId, finish) : runOutsideTenant(finish));
      setSessionCookies(req, res, done.session, this.config.trustProxy);
      res.redirect(303, done.returnTo);
    } catch (error) {
      this.failed(res, error);
    }
  }

  /** `GET /auth/sso/logout?tenant=<id>`: after signing out of Duban, also out of the provider (when it offers that). */
  @Get('logout')
  async logout(@Query('tenant') tenant: unknown, @Req() req: Request, @Res() res: Response) {
    const url = await runOutsideTenant(() => this.sso.logoutUrl(String(tenant ?? ''), this.origin(req)));
    res.redirect(303, url ?? '/login');
  }
}
