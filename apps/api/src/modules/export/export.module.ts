import { Module } from '@nestjs/common';
import { ScorecardModule } from '../scorecard/index.js';
import { AnnualReportSectionService } from './annual-report-section.service.js';
import { ExportController } from './export.controller.js';
import { LedgerExportService } from './ledger-export.service.js';
import { ScorecardExportService } from './scorecard-export.service.js';
import { TongbaoService } from './tongbao.service.js';

/** Downloads: 台账 and scorecard .xlsx, the 通报 draft and the annual-report section .docx. */
@Module({
  imports: [ScorecardModule],
  controllers: [ExportController],
  providers: [LedgerExportService, ScorecardExportService, TongbaoService, AnnualReportSectionService],
})
export class ExportModule {}
