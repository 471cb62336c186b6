import { timingSafeEqual } from 'node:crypto';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { AppError } from './app-error.js';
import { requestOf } from './auth.decorators.js';

/**
 * The global AuthGuard checks the CSRF header only on GraphQL mutations; an upload is a write over
 * plain HTTP, so it needs the same double-submit check (runs after AuthGuard has set the viewer).
 */
@Injectable()
export class UploadCsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = requestOf(context);
    const sent = Buffer.from(req.header('x-csrf-token') ?? '');
    const expected = Buffer.from(req.viewer?.csrfToken ?? '');
    if (expected.length === 0 || sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
      throw new AppError('FORBIDDEN', '页面已过期，请刷新后重试', { detail: 'CSRF token missing or wrong on upload' });
    }
    return true;
  }
}
