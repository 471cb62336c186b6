import { Module } from '@nestjs/common';
import { MessagingModule } from '../messaging/index.js';
import { SupervisionModule } from '../supervision/supervision.module.js';
import { FileModule } from '../file/file.module.js';
import { QueueModule } from '../queue/index.js';
import { TaskModule } from '../task/task.module.js';
import { TenantModule } from '../tenant/tenant.module.js';
import { UnitModule } from '../unit/unit.module.js';
import { ReportEvidenceResolver } from './report-evidence.resolver.js';
import { ReportFieldsResolver } from './report-fields.resolver.js';
import { ReportQueryService } from './report-query.service.js';
import { ReportLoader } from './report.loader.js';
import { ReportResolver } from './report.resolver.js';
import { ReportService } from './report.service.js';
import { TaskReportsResolver } from './task-reports.resolver.js';

@Module({
  imports: [FileModule, QueueModule, TaskModule, TenantModule, UnitModule, MessagingModule, SupervisionModule],
  providers: [ReportService, ReportQueryService, ReportLoader, ReportResolver, ReportFieldsResolver, ReportEvidenceResolver, TaskReportsResolver],
  exports: [ReportLoader],
})
export class ReportModule {}
