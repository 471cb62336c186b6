import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AppError, type ErrorCode } from '../../common/app-error.js';
import { logger } from '../../logging/logger.js';

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  INTERNAL_SERVER_ERROR: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** The download is plain HTTP: errors leave as `{ code, message }` with the codes and Chinese messages GraphQL uses. */
@Catch()
export class ReviewHttpErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return void res.end();
    if (error instanceof AppError) {
      const field = error.extensions.field as string | undefined;
      return void res.status(STATUS[error.code]).json({ code: error.code, message: error.message, ...(field ? { field } : {}) });
    }
    if (error instanceof HttpException && error.getStatus() < 500) {
      logger().info({ status: error.getStatus(), message: error.message }, 'review export request rejected');
      return void res.status(HttpStatus.BAD_REQUEST).json({ code: 'BAD_USER_INPUT', message: '请求格式错误' });
    }
    logger().error({ err: error }, 'unhandled error in review export');
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误，请稍后重试' });
  }
}
