import { Module } from '@nestjs/common';
import { MessagingModule } from '../messaging/index.js';
import { SupervisionModule } from '../supervision/index.js';
import { FileModule } from '../file/index.js';
import { QueueModule } from '../queue/index.js';
import { TaskModule } from '../task/index.js';
import { TenantModule } from '../tenant/index.js';
import { UnitModule } from '../unit/index.js';
import { ReportEvidenceResolver } from './report-evidence.resolver.js';
import { ReportFieldsResolver } from './report-fields.resolver.js';
import { ReportQueryService } from './report-query.service.js';
import { ReportLoader } from './report.loader.js';
import { ReportResolver } from './report.resolver.js';
import { ReportService } from './report.service.js';
import { TaskReportsResolver } from './task-reports.resolver.js';

@Module({
  imports: [FileModule, QueueModule, TaskModule, TenantModule, UnitModule, MessagingModule, SupervisionModule],
  providers: [
    ReportService,
    ReportQueryService,
    ReportLoader,
    ReportResolver,
    ReportFieldsResolver,
    ReportEvidenceResolver,
    TaskReportsResolver,
  ],
  exports: [ReportLoader],
})
export class ReportModule {}
