import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  StreamableFile,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, mergeMap, type Observable } from 'rxjs';
import { STORED_FILE } from '../../common/download.js';
import type { Viewer } from '../../common/viewer.js';
import { stampable, stampFooter } from './export-footer.js';
import { WatermarkService } from './watermark.service.js';

async function bytesOf(file: StreamableFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of file.getStream()) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/**
 * Every Word or Excel file a signed-in person takes out of Duban (台账, 通报, the annual report's
 * section, 回头看, 督办通知单, 考核, directory, accounts, the audit log…) carries the watermark line in
 * its footer when the tenant has it on. One interceptor over every download route, so a new export
 * cannot forget it; files people uploaded (@StoredFile) are handed back untouched.
 */
@Injectable()
export class ExportFooterInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly watermark: WatermarkService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    if (this.reflector.getAllAndOverride<boolean>(STORED_FILE, [context.getHandler(), context.getClass()]))
      return next.handle();
    const viewer = context.switchToHttp().getRequest<Request & { viewer?: Viewer }>().viewer;
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      mergeMap((value) => {
        const type = String(res.getHeader('Content-Type') ?? '');
        return value instanceof StreamableFile && viewer && stampable(type)
          ? from(this.stamp(viewer, value, type, res))
          : from(Promise.resolve(value));
      }),
    );
  }

  private async stamp(viewer: Viewer, file: StreamableFile, type: string, res: Response): Promise<StreamableFile> {
    const text = await this.watermark.exportFooter(viewer);
    if (!text) return file;
    const bytes = await stampFooter(await bytesOf(file), type, text);
    res.setHeader('Content-Length', String(bytes.length));
    return new StreamableFile(bytes);
  }
}
