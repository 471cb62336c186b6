import { Module } from '@nestjs/common';
import { AssessmentModule } from '../assessment/index.js';
import { LevelsModule } from '../levels/index.js';
import { ReviewModule } from '../review/index.js';
import { ScorecardModule } from '../scorecard/index.js';
import { SupervisionModule } from '../supervision/index.js';
import { UnitModule } from '../unit/index.js';
import { DirectoryExportController } from './directory-export.controller.js';
import { AssessmentExportService } from './assessment-export.service.js';
import { AuditLogExportService } from './audit-log-export.service.js';
import { AnnualReportSectionService } from './annual-report-section.service.js';
import { ExportController } from './export.controller.js';
import { LedgerExportService } from './ledger-export.service.js';
import { LowerCoverageExportService } from './lower-coverage-export.service.js';
import { ScorecardExportService } from './scorecard-export.service.js';
import { TongbaoService } from './tongbao.service.js';

/** Downloads: 台账 and scorecard .xlsx, the 通报 draft, the annual-report section, the 回头看 report and 督办通知单 .docx, the unit directory, 下级落实 .xlsx, the 等保测评视图 .xlsx. */
@Module({
  imports: [AssessmentModule, LevelsModule, ReviewModule, ScorecardModule, SupervisionModule, UnitModule],
  controllers: [ExportController, DirectoryExportController],
  providers: [
    LedgerExportService,
    LowerCoverageExportService,
    ScorecardExportService,
    TongbaoService,
    AnnualReportSectionService,
    AuditLogExportService,
    AssessmentExportService,
  ],
})
export class ExportModule {}
