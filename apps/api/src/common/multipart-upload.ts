import {
  applyDecorators,
  Inject,
  Injectable,
  mixin,
  UseFilters,
  UseGuards,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { logger } from '../logging/logger.js';
import { AppError, badInput } from './app-error.js';
import { UploadCsrfGuard } from './upload-csrf.guard.js';
import { UploadErrorFilter } from './upload-error.filter.js';
import { formatSize } from './format-size.js';

/** The part of multer's file object an endpoint reads (memory storage fills `buffer`). */
export interface MultipartFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export interface MultipartUploadOptions {
  /** Largest file accepted, fixed or from the configuration; multer stops reading past it (413). Not for a form without a file. */
  maxBytes?: number | ((config: AppConfig) => number);
  /** The file's form field; null for a form of text fields only (a file in it is refused). */
  field?: string | null;
  /** Text fields accepted besides the file, and the largest one in bytes. */
  fields?: number;
  fieldBytes?: number;
}

/** A true/false text field of a multipart form; absent or empty means `fallback`. */
export function formFlag(value: string | undefined, field: string, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw badInput(`${field} 应为 true 或 false`, field);
}

const MALFORMED = '上传请求格式错误，请使用 multipart/form-data 的 file 字段上传一个文件';

/** Multer's (English) refusals as the API's coded Chinese errors. */
function translate(error: unknown, maxBytes: number, fieldBytes: number): AppError {
  const code = (error as { code?: string })?.code;
  logger().info({ code, message: (error as Error)?.message }, 'upload rejected');
  if (code === 'LIMIT_FILE_SIZE') {
    const tooLarge = badInput(`文件过大，不能超过 ${formatSize(maxBytes)}`, 'file');
    tooLarge.extensions.http = { status: 413 };
    return tooLarge;
  }
  if (code === 'LIMIT_FIELD_VALUE') {
    const tooLarge = badInput(`内容过长，不能超过 ${formatSize(fieldBytes)}`, (error as { field?: string }).field);
    tooLarge.extensions.http = { status: 413 };
    return tooLarge;
  }
  return badInput(MALFORMED);
}

function multipartInterceptor(options: MultipartUploadOptions) {
  @Injectable()
  class MultipartInterceptor implements NestInterceptor {
    private readonly upload: RequestHandler;
    private readonly maxBytes: number;
    private readonly fieldBytes: number;

    constructor(@Inject(APP_CONFIG) config: AppConfig) {
      this.maxBytes = typeof options.maxBytes === 'function' ? options.maxBytes(config) : (options.maxBytes ?? 0);
      this.fieldBytes = options.fieldBytes ?? 1024;
      const fields = options.fields ?? 5;
      const files = options.field === null ? 0 : 1;
      const upload = multer({
        storage: multer.memoryStorage(),
        limits: {
          fileSize: this.maxBytes,
          files,
          fields,
          fieldSize: this.fieldBytes,
          parts: fields + files,
          headerPairs: 50,
        },
        // Browsers send UTF-8 file names; multer would otherwise decode them as latin1.
        defParamCharset: 'utf8',
      });
      this.upload = options.field === null ? upload.none() : upload.single(options.field ?? 'file');
    }

    async intercept(context: ExecutionContext, next: CallHandler) {
      const http = context.switchToHttp();
      if (!http.getRequest<Request>().is('multipart/form-data')) throw badInput(MALFORMED);
      await new Promise<void>((resolve, reject) =>
        this.upload(http.getRequest<Request>(), http.getResponse<Response>(), (error?: unknown) =>
          error ? reject(translate(error, this.maxBytes, this.fieldBytes)) : resolve(),
        ),
      );
      return next.handle();
    }
  }
  return mixin(MultipartInterceptor);
}

/**
 * One multipart/form-data endpoint with one file (or none): the session and role (global AuthGuard) and
 * the CSRF header are checked before the body is read, then at most `maxBytes` of file are read into
 * memory, and errors leave as `{ code, message }` in Chinese. Every upload endpoint (evidence files, plan
 * documents, directory and account sheets, the 开通通知 form) is declared with this, each with its own
 * limits; the `/graphql` body stays small because no file travels inside it.
 */
export function MultipartUpload(options: MultipartUploadOptions) {
  return applyDecorators(
    UseFilters(UploadErrorFilter),
    UseGuards(UploadCsrfGuard),
    UseInterceptors(multipartInterceptor(options)),
  );
}
