import { timingSafeEqual } from 'node:crypto';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppError, forbidden, unauthenticated } from '../../common/app-error.js';
import { EVERY_ROLE_KEY, PUBLIC_KEY, requestOf, ROLES_KEY } from '../../common/auth.decorators.js';
import type { Role } from '../../common/enums.js';
import { doesBusiness, rolesOf } from '../../common/viewer.js';
import { bindRequestTenant } from '../../database/tenant-context.js';
import { SESSION_END_MESSAGES } from './session-lifetime.js';
import { SessionService } from './session.service.js';

/** What a user whose password must be changed may still do (plus the public operations). */
const BEFORE_PASSWORD_CHANGE = new Set(['me', 'changePassword', 'signOut']);
/** What a user who must set up two-factor sign-in may still do. */
const BEFORE_TWO_FACTOR = new Set(['me', 'signOut', 'beginTwoFactorEnrolment', 'confirmTwoFactorEnrolment']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Runs before every resolver and controller: resolves the session cookie to a viewer, requires one
 * unless the operation is @Public, checks @Roles, and requires the CSRF token header on every
 * mutation made with a session (double submit: the token is readable only by our own pages).
 * Public operations (sign-in, health) run outside any tenant.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = requestOf(context);
    // A query's root fields are guarded side by side: they share one read of the session.
    await this.sessions.resolveRequest(req);
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const viewer = req.viewer;
    if (!viewer && req.sessionEnded)
      throw new AppError('UNAUTHENTICATED', SESSION_END_MESSAGES[req.sessionEnded], {
        detail: `session ended: ${req.sessionEnded}`,
        extensions: { reason: req.sessionEnded },
      });
    if (!viewer) throw unauthenticated();
    // From here on every query of this request runs under row-level security for the viewer's tenant.
    bindRequestTenant(viewer.tenantId);
    const graphql = context.getType<string>() === 'graphql';
    if (
      viewer.mustChangePassword &&
      !(graphql && BEFORE_PASSWORD_CHANGE.has(GqlExecutionContext.create(context).getInfo().fieldName))
    ) {
      throw new AppError(
        'FORBIDDEN',
        viewer.passwordExpired ? '密码已超过有效期，请先修改密码后再使用系统' : '请先修改初始密码后再使用系统',
        { detail: 'password must be changed first', extensions: { reason: 'PASSWORD_CHANGE_REQUIRED' } },
      );
    }
    // After the password: a first password is replaced before the second factor is set up.
    if (
      viewer.mustEnrolTwoFactor &&
      !viewer.mustChangePassword &&
      !(graphql && BEFORE_TWO_FACTOR.has(GqlExecutionContext.create(context).getInfo().fieldName))
    ) {
      throw new AppError('FORBIDDEN', '本机构要求您的账号使用两步验证，请先完成绑定', {
        detail: 'two-factor enrolment required first',
        extensions: { reason: 'TWO_FACTOR_ENROLMENT_REQUIRED' },
      });
    }
    if (graphql) {
      const operation = GqlExecutionContext.create(context).getInfo().operation.operation;
      if (operation === 'mutation' && !sameToken(req.header('x-csrf-token') ?? '', viewer.csrfToken)) {
        throw new AppError('FORBIDDEN', '页面已过期，请刷新后重试', { detail: 'CSRF token missing or wrong' });
      }
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !rolesOf(viewer).some((r) => roles.includes(r))) throw forbidden();
    // 三员分立: the security admin and auditor reach only what names their duty (or their own account).
    if (!roles && !doesBusiness(viewer) && !this.reflector.getAllAndOverride<boolean>(EVERY_ROLE_KEY, targets))
      throw forbidden('安全管理员、安全审计员只能使用本职功能');
    return true;
  }
}
