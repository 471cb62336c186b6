import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  StreamableFile,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, type Observable, catchError, mergeMap, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import { isUuid } from '../../common/validation.js';
import type { Viewer } from '../../common/viewer.js';
import { logger } from '../../logging/logger.js';
import { AuditService } from './audit.service.js';

/** A route's query string as recorded: the filters of an export, bounded so a record stays small. */
function filters(query: Request['query']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query).slice(0, 20)) out[k.slice(0, 40)] = String(v).slice(0, 200);
  return out;
}

function filenameOf(res: Response): string | null {
  const disposition = String(res.getHeader('Content-Disposition') ?? '');
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  if (!encoded) return null;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

/**
 * Every file a signed-in person takes out of Duban (台账, 通报, the annual report's section, evidence
 * files, directory and account exports) leaves a record: who, which route with which filters, the file
 * name and size, and whether it was refused. One interceptor over every HTTP download, so a new export
 * route cannot forget it; the record commits before the file is sent.
 */
@Injectable()
export class DownloadAuditInterceptor implements NestInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request & { viewer?: Viewer }>();
    const res = context.switchToHttp().getResponse<Response>();
    if (req.method !== 'GET') return next.handle();
    return next.handle().pipe(
      mergeMap((value) =>
        value instanceof StreamableFile
          ? from(this.record(req, res, 'success').then(() => value))
          : from(Promise.resolve(value)),
      ),
      catchError((error: unknown) =>
        from(this.record(req, res, 'failure', error)).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }

  private async record(
    req: Request & { viewer?: Viewer },
    res: Response,
    result: 'success' | 'failure',
    error?: unknown,
  ) {
    const viewer = req.viewer;
    if (!viewer) return;
    const object = [req.query.id, req.query.planId, req.params?.id].find((v) => typeof v === 'string' && isUuid(v));
    const entry = {
      entityType: 'download',
      entityId: (object as string | undefined) ?? viewer.tenantId,
      action: 'export',
      result,
      after: {
        route: req.path.slice(0, 200),
        filters: filters(req.query),
        ...(result === 'success'
          ? { file: filenameOf(res), bytes: Number(res.getHeader('Content-Length') ?? 0) }
          : { reason: ((error as Error)?.message ?? 'error').slice(0, 200) }),
      },
    };
    const work = this.audit.record(this.dataSource.manager, viewer, entry, {
      ip: req.ip,
      userAgent: req.header('user-agent'),
    });
    // A download that cannot be recorded is not handed out; a refusal that cannot be recorded is still refused.
    if (result === 'success') return work;
    await work.catch((e: unknown) => logger().error({ err: e }, 'refused download not audited'));
  }
}
