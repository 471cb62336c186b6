import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { logger } from '../logging/logger.js';
import { AppError, type ErrorCode } from './app-error.js';
import { HTTP_STATUS_OF } from './http-json-error.filter.js';

/**
 * Upload endpoints are plain HTTP, not GraphQL: errors leave as `{ code, message, field?, extensions? }`
 * with the same codes and Chinese messages the web shows for GraphQL errors (`extensions` holds the
 * further facts an AppError carries, e.g. the plan a duplicate import already is); details stay in the log.
 */
@Catch()
export class UploadErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.describe(error);
    if (res.headersSent) return void res.end();
    res.status(status).json(body);
  }

  private describe(
    error: unknown,
  ): [number, { code: ErrorCode; message: string; field?: string; extensions?: Record<string, unknown> }] {
    if (error instanceof AppError) {
      const { code: _code, field, http, ...facts } = error.extensions as Record<string, unknown>;
      const status = (http as { status?: number } | undefined)?.status ?? HTTP_STATUS_OF[error.code];
      const extra = Object.keys(facts).length ? { extensions: facts } : {};
      return [
        status,
        { code: error.code, message: error.message, ...(typeof field === 'string' ? { field } : {}), ...extra },
      ];
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      logger().info({ status, message: error.message }, 'upload rejected');
      if (status === HttpStatus.NOT_FOUND) return [status, { code: 'NOT_FOUND', message: '文件不存在或无权访问' }];
      if (status < 500)
        return [
          HttpStatus.BAD_REQUEST,
          { code: 'BAD_USER_INPUT', message: '上传请求格式错误，请使用 multipart/form-data 的 file 字段上传一个文件' },
        ];
    }
    logger().error({ err: error }, 'unhandled error in upload request');
    return [HttpStatus.INTERNAL_SERVER_ERROR, { code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误，请稍后重试' }];
  }
}
