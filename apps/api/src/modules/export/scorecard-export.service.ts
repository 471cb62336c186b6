import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@duban/domain';
import { Clock } from '../../common/clock.js';
import type { Viewer } from '../../common/viewer.js';
import { ScorecardService, type ScorecardFilter } from '../scorecard/index.js';
import { XLSX, type ExportFile } from './ledger-export.service.js';
import { textDate } from './official-document.js';
import { fileName } from './print-layout.js';
import { scorecardWorkbook } from './scorecard-workbook.js';

@Injectable()
export class ScorecardExportService {
  constructor(
    private readonly scorecards: ScorecardService,
    private readonly clock: Clock,
  ) {}

  async workbook(viewer: Viewer, filter: ScorecardFilter): Promise<ExportFile> {
    const { rows, year, rules } = await this.scorecards.allRows(viewer, filter);
    const today = shanghaiDate(this.clock.now());
    const book = scorecardWorkbook(rows, rules, `${year ?? ''}年政务公开工作考核排名（截至${textDate(today)}）`);
    return { filename: fileName(`${year ?? ''}年政务公开工作考核排名（${today}）`, 'xlsx'), contentType: XLSX, bytes: Buffer.from(await book.xlsx.writeBuffer()) };
  }
}
