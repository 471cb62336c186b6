import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@duban/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { DOCX_MIME, XLSX_MIME, type DownloadFile } from '../../common/download.js';
import { packDocument, textDate } from '../../common/official-document.js';
import { one } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import { LowerRollupService } from '../levels/index.js';
import { lowerCoverageWorkbook } from './lower-coverage-workbook.js';
import { lowerTongbao } from './lower-tongbao.js';
import { fileName } from './print-layout.js';

@Injectable()
export class LowerCoverageExportService {
  constructor(
    private readonly rollup: LowerRollupService,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
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

  /** The 通报 draft across the lower tenants (docx): coverage, gaps and overdue tasks of a year's key points. */
  async tongbao(viewer: Viewer, year: number | null): Promise<DownloadFile> {
    const coverage = await this.rollup.coverage(viewer, year);
    const today = shanghaiDate(this.clock.now());
    const tenant = await one<{ name: string }>(this.dataSource, `SELECT name FROM tenant WHERE id = $1`, [
      viewer.tenantId,
    ]);
    return {
      filename: `关于${coverage.year ?? ''}年政务公开工作要点下级落实情况的通报（草稿）.docx`,
      contentType: DOCX_MIME,
      bytes: await packDocument(lowerTongbao(coverage, tenant?.name ?? '', today)),
    };
  }
}
