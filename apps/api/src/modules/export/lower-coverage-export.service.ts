import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@duban/domain';
import { Clock } from '../../common/clock.js';
import { XLSX_MIME, type DownloadFile } from '../../common/download.js';
import { textDate } from '../../common/official-document.js';
import type { Viewer } from '../../common/viewer.js';
import { LowerRollupService } from '../levels/index.js';
import { lowerCoverageWorkbook } from './lower-coverage-workbook.js';
import { fileName } from './print-layout.js';

@Injectable()
export class LowerCoverageExportService {
  constructor(
    private readonly rollup: LowerRollupService,
    private readonly clock: Clock,
  ) {}

  async workbook(viewer: Viewer, year: number | null): Promise<DownloadFile> {
    const coverage = await this.rollup.coverage(viewer, year);
    const today = shanghaiDate(this.clock.now());
    const book = lowerCoverageWorkbook(
      coverage,
      `${coverage.year ?? ''}年工作要点下级落实情况（截至${textDate(today)}）`,
    );
    return {
      filename: fileName(`${coverage.year ?? ''}年工作要点下级落实情况（${today}）`, 'xlsx'),
      contentType: XLSX_MIME,
      bytes: Buffer.from(await book.xlsx.writeBuffer()),
    };
  }
}
