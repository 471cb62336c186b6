import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from './enums.js';
import type { Viewer } from './viewer.js';

export const PUBLIC_KEY = 'duban:public';
export const ROLES_KEY = 'duban:roles';
export const EVERY_ROLE_KEY = 'duban:every-role';

/** The operation needs no sign-in (sign-in itself, server info). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these roles may call the operation; checked by the global AuthGuard before the resolver runs. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * The operation acts only on the caller's own account (password, session, notifications): the security
 * admin and auditor may call it too. Every other operation without @Roles is for the business roles only.
 */
export const EveryRole = () => SetMetadata(EVERY_ROLE_KEY, true);

export interface RequestWithViewer {
  viewer?: Viewer;
  /** The cookie named a session the server ended on this request (idle or past its lifetime). */
  sessionEnded?: 'SESSION_IDLE' | 'SESSION_EXPIRED';
  /** The viewer's tenant's answer stamp, read with the session (common/answer-stamp.ts). */
  answerStamp?: string;
  /** The stamp of its lower tenants, read with the session for a 上下联动 read (common/answer-stamp.ts). */
  lowerAnswerStamp?: string;
  cookies?: Record<string, string>;
  header(name: string): string | undefined;
  ip?: string;
}

export function requestOf(context: ExecutionContext): RequestWithViewer {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().req;
  return context.switchToHttp().getRequest();
}

/** The signed-in viewer (the AuthGuard guarantees one on non-public operations). */
export const CurrentViewer = createParamDecorator((_: unknown, context: ExecutionContext): Viewer => {
  return requestOf(context).viewer as Viewer;
});

/**
 * The request and viewer of a field resolver written without parameter decorators. @nestjs/graphql
 * hands such a method graphql-js's own arguments (parent, args, context) instead of building an
 * execution context and running the decorators for every call: a list's field resolvers run once per
 * row (the ledger's unit, key point and plan: 150 calls a page). The root field's guard has put the viewer there.
 */
export function fieldContext(context: { req: object }): { req: object; viewer: Viewer } {
  return { req: context.req, viewer: (context.req as RequestWithViewer).viewer as Viewer };
}
