import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentViewer, EveryRole, Public, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { AuthService } from './auth.service.js';
import { SignInAuditService } from './sign-in-audit.service.js';
import { ChangePasswordInput, SignInInput } from './dto/sign-in.input.js';
import { ViewerModel } from './dto/viewer.model.js';
import {
  cookieName,
  CSRF_COOKIE,
  SESSION_COOKIE,
  SessionService,
  sessionCookieOptions,
  setSessionCookies,
} from './session.service.js';

@Resolver(() => ViewerModel)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly signInAudit: SignInAuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private cookieOptions(req: Request) {
    return sessionCookieOptions(req, this.config.trustProxy);
  }

  @Public()
  @Mutation(() => ViewerModel, { description: 'Signs in and sets the session cookie' })
  async signIn(
    @Args('input') input: SignInInput,
    @Context('req') req: Request,
    @Context('res') res: Response,
  ): Promise<ViewerModel> {
    const origin = { ip: req.ip, userAgent: req.header('user-agent') };
    const session = await this.auth.signIn(input, origin).catch(async (error: unknown) => {
      await this.signInAudit.failed(input, origin, error);
      throw error;
    });
    setSessionCookies(req, res, session, this.config.trustProxy);
    const viewer = (await this.sessions.resolve(session.cookie))!.viewer!;
    (req as Request & { viewer?: Viewer }).viewer = viewer;
    return this.auth.describe(viewer);
  }

  @EveryRole()
  @Mutation(() => Boolean, { description: 'Ends this session everywhere (the row is deleted)' })
  async signOut(
    @CurrentViewer() viewer: Viewer,
    @Context('req') req: Request,
    @Context('res') res: Response,
  ): Promise<boolean> {
    await this.sessions.destroy(viewer, { ip: req.ip, userAgent: req.header('user-agent') });
    const base = this.cookieOptions(req);
    res.clearCookie(cookieName(SESSION_COOKIE, base.secure), base);
    res.clearCookie(cookieName(CSRF_COOKIE, base.secure), base);
    return true;
  }

  @Public()
  @Query(() => ViewerModel, { nullable: true, description: 'The signed-in person, or null' })
  async me(@Context('req') req: Request & { viewer?: Viewer }): Promise<ViewerModel | null> {
    return req.viewer ? this.auth.describe(req.viewer) : null;
  }

  @EveryRole()
  @Mutation(() => Boolean)
  async changePassword(@CurrentViewer() viewer: Viewer, @Args('input') input: ChangePasswordInput): Promise<boolean> {
    await this.auth.changePassword(viewer, input.currentPassword, input.newPassword);
    return true;
  }

  @Roles('OFFICE_ADMIN', 'SECURITY_ADMIN')
  @Mutation(() => String, {
    description:
      'Sets and returns a one-time password the user must change: the system admin for business accounts, the security admin for the security roles’ accounts',
  })
  resetPassword(@CurrentViewer() viewer: Viewer, @Args('userId', { type: () => ID }) userId: string): Promise<string> {
    return this.auth.resetPassword(viewer, userId);
  }

  @Roles('SECURITY_ADMIN')
  @Mutation(() => Boolean, {
    description: 'Security admin: lifts the lock of an account after too many wrong passwords',
  })
  unlockUser(@CurrentViewer() viewer: Viewer, @Args('userId', { type: () => ID }) userId: string): Promise<boolean> {
    return this.auth.unlock(viewer, userId);
  }
}
