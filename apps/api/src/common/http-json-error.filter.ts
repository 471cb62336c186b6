import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { logger } from '../logging/logger.js';
import { AppError, type ErrorCode } from './app-error.js';

export const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  INTERNAL_SERVER_ERROR: HttpStatus.INTERNAL_SERVER_ERROR,
};

/**
 * For plain-HTTP endpoints (downloads): errors leave as `{ code, message, field? }` with the codes and
 * Chinese messages GraphQL uses, so the web app shows them the same way.
 */
@Catch()
export class HttpJsonErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return void res.end();
    if (error instanceof AppError) {
      const field = error.extensions.field as string | undefined;
      return void res
        .status(HTTP_STATUS_OF[error.code])
        .json({ code: error.code, message: error.message, ...(field ? { field } : {}) });
    }
    if (error instanceof HttpException && error.getStatus() < 500) {
      logger().info({ status: error.getStatus(), message: error.message }, 'http request rejected');
      return void res.status(HttpStatus.BAD_REQUEST).json({ code: 'BAD_USER_INPUT', message: '请求参数有误' });
    }
    logger().error({ err: error }, 'unhandled error in http request');
    res
      .status(HttpStatus.INTERNAL_SERVER_ERROR)
      .json({ code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误，请稍后重试' });
  }
}
