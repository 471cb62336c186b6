import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { AUDITOR_ROLES } from './audit-roles.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditLogArgs } from './dto/audit-log.args.js';
import { AuditChainCheckModel, AuditRecordConnection, AuditRecordModel } from './dto/audit-record.model.js';

@Resolver(() => AuditRecordModel)
export class AuditResolver {
  constructor(private readonly records: AuditLogService) {}

  @Query(() => AuditRecordConnection, { description: '安全审计: the audit log, filtered, newest first (auditor)' })
  @Roles(...AUDITOR_ROLES)
  auditLog(@CurrentViewer() viewer: Viewer, @Args() args: AuditLogArgs): Promise<AuditRecordConnection> {
    return this.records.search(viewer, args.filter, args.first, args.after);
  }

  @Query(() => AuditChainCheckModel, {
    description: "Recomputes the tenant's audit chain and says where it breaks (auditor)",
  })
  @Roles(...AUDITOR_ROLES)
  auditChainCheck(@CurrentViewer() viewer: Viewer): Promise<AuditChainCheckModel> {
    return this.records.checkChain(viewer);
  }
}
