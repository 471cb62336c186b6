import { Injectable } from '@nestjs/common';
import type { Viewer } from '../../common/viewer.js';
import { ScorecardService, type ScorecardFilter } from '../scorecard/index.js';
import { XLSX, type ExportFile } from './ledger-export.service.js';
import { scorecardWorkbook } from './scorecard-workbook.js';

@Injectable()
export class ScorecardExportService {
  constructor(private readonly scorecards: ScorecardService) {}

  async workbook(viewer: Viewer, filter: ScorecardFilter): Promise<ExportFile> {
    const { rows, year, rules } = await this.scorecards.allRows(viewer, filter);
    const book = scorecardWorkbook(rows, rules);
    return { filename: `${year ?? ''}年政务公开工作考核排名.xlsx`, contentType: XLSX, bytes: Buffer.from(await book.xlsx.writeBuffer()) };
  }
}
