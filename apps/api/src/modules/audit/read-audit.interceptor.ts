import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, mergeMap, type Observable } from 'rxjs';
import { requestOf } from '../../common/auth.decorators.js';
import { isUnitUser, type Viewer } from '../../common/viewer.js';
import { AuditBatch } from './audit-batch.js';

const AUDIT_READ_KEY = 'duban:audit-read';

/**
 * Marks a query that opens one unit's record (a task, a report): when someone outside that unit (the
 * office, leadership) reads it, the read is audited with the unit it belongs to (等保: every read of
 * another unit's data by the office). A unit's own people reading their own work are not recorded.
 */
export const AuditRead = (entityType: string) => SetMetadata(AUDIT_READ_KEY, entityType);

@Injectable()
export class ReadAuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly batch: AuditBatch,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const entityType = this.reflector.get<string | undefined>(AUDIT_READ_KEY, context.getHandler());
    if (!entityType) return next.handle();
    const req = requestOf(context);
    return next
      .handle()
      .pipe(
        mergeMap((value) =>
          from(this.record(entityType, req.viewer, req, value as { id?: string; unitId?: string }).then(() => value)),
        ),
      );
  }

  private async record(
    entityType: string,
    viewer: Viewer | undefined,
    req: { ip?: string; header(name: string): string | undefined },
    value: { id?: string; unitId?: string } | null,
  ) {
    if (!viewer || !value?.id || (isUnitUser(viewer) && viewer.unitId === value.unitId)) return;
    // Stored before the data leaves, in one INSERT with the tenant's other reads of these milliseconds.
    await this.batch.record({
      subject: { tenantId: viewer.tenantId, actorId: viewer.userId, ip: req.ip, userAgent: req.header('user-agent') },
      entry: { entityType, entityId: value.id!, action: 'read', after: { unitId: value.unitId ?? null } },
    });
  }
}
