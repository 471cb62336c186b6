import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@duban/domain';
import { Clock } from '../../common/clock.js';
import { XLSX_MIME, type DownloadFile } from '../../common/download.js';
import { textDate } from '../../common/official-document.js';
import type { Viewer } from '../../common/viewer.js';
import { ScorecardService, type ScorecardFilter } from '../scorecard/index.js';
import { fileName } from './print-layout.js';
import { scorecardWorkbook } from './scorecard-workbook.js';

@Injectable()
export class ScorecardExportService {
  constructor(
    private readonly scorecards: ScorecardService,
    private readonly clock: Clock,
  ) {}

  async workbook(viewer: Viewer, filter: ScorecardFilter): Promise<DownloadFile> {
    const { rows, year, rules } = await this.scorecards.allRows(viewer, filter);
    const today = shanghaiDate(this.clock.now());
    const book = scorecardWorkbook(rows, rules, `${year ?? ''}年政务公开工作考核排名（截至${textDate(today)}）`);
    return {
      filename: fileName(`${year ?? ''}年政务公开工作考核排名（${today}）`, 'xlsx'),
      contentType: XLSX_MIME,
      bytes: Buffer.from(await book.xlsx.writeBuffer()),
    };
  }
}
