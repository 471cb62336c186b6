import { Catch, HttpException, HttpStatus, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AppError, type ErrorCode } from '../../common/app-error.js';
import { HTTP_STATUS_OF } from '../../common/http-json-error.filter.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { logger } from '../../logging/logger.js';
import { formatSize } from './file.service.js';

/**
 * The file endpoints are plain HTTP, not GraphQL: errors leave as `{ code, message }` with the same
 * codes and Chinese messages the web shows for GraphQL errors. Multer's own (English) errors are
 * translated; details stay in the log.
 */
@Catch()
export class FileHttpErrorFilter implements ExceptionFilter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.describe(error);
    if (res.headersSent) return void res.end();
    res.status(status).json(body);
  }

  private describe(error: unknown): [number, { code: ErrorCode; message: string; field?: string }] {
    if (error instanceof AppError) {
      const field = error.extensions.field as string | undefined;
      return [HTTP_STATUS_OF[error.code], { code: error.code, message: error.message, ...(field ? { field } : {}) }];
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      logger().info({ status, message: error.message }, 'file request rejected');
      if (status === HttpStatus.PAYLOAD_TOO_LARGE) {
        return [status, { code: 'BAD_USER_INPUT', message: `文件过大，不能超过 ${formatSize(this.config.maxUploadBytes)}`, field: 'file' }];
      }
      if (status === HttpStatus.NOT_FOUND) return [status, { code: 'NOT_FOUND', message: '文件不存在或无权访问' }];
      if (status < 500) return [HttpStatus.BAD_REQUEST, { code: 'BAD_USER_INPUT', message: '上传请求格式错误，请使用 multipart/form-data 的 file 字段上传一个文件' }];
    }
    logger().error({ err: error }, 'unhandled error in file request');
    return [HttpStatus.INTERNAL_SERVER_ERROR, { code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误，请稍后重试' }];
  }
}
