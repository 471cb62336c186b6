import { Injectable } from '@nestjs/common';
import { shanghaiDate, type ControlStatus } from '@duban/domain';
import type * as ExcelJS from 'exceljs';
import { newWorkbook } from '../../common/heavy-libraries.js';
import { DataSource } from 'typeorm';
import { XLSX_MIME, type DownloadFile } from '../../common/download.js';
import { one } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import { AssessmentService, type Assessment } from '../assessment/index.js';
import { fileName, finishPrintable, printableSheet, type PrintColumn } from './print-layout.js';

const STATUS_LABELS: Record<ControlStatus, string> = { MET: '符合', NOT_MET: '不符合', ADVISORY: '提示' };
const COLUMNS: PrintColumn[] = [
  { header: '类别', width: 14 },
  { header: '控制项', width: 22, wrap: true },
  { header: '本机构当前配置', width: 50, wrap: true },
  { header: '证据位置', width: 30, wrap: true },
  { header: '结论', width: 8 },
  { header: '说明', width: 36, wrap: true },
];

/** The assessor's view as a sheet for the 测评 file: the same rows, those not met in red. */
export function assessmentWorkbook(assessment: Assessment, title: string): ExcelJS.Workbook {
  const book = newWorkbook();
  book.creator = 'Duban';
  const sheet = printableSheet(book, '等保测评视图', title, COLUMNS);
  for (const c of assessment.controls) {
    const row = sheet.addRow([c.category, c.name, c.setting, c.evidence, STATUS_LABELS[c.status], c.why ?? '']);
    if (c.status === 'NOT_MET') row.font = { color: { argb: 'FFC00000' } };
  }
  finishPrintable(sheet, COLUMNS.length);
  return book;
}

@Injectable()
export class AssessmentExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assessments: AssessmentService,
  ) {}

  async workbook(viewer: Viewer): Promise<DownloadFile> {
    const assessment = await this.assessments.assess(viewer);
    const tenant = await one<{ name: string }>(this.dataSource, `SELECT name FROM tenant WHERE id = $1`, [
      viewer.tenantId,
    ]);
    const title = `${tenant?.name ?? ''}等保测评视图（${shanghaiDate(assessment.checkedAt)}）`;
    const book = assessmentWorkbook(assessment, title);
    return {
      filename: fileName(title, 'xlsx'),
      contentType: XLSX_MIME,
      bytes: Buffer.from(await book.xlsx.writeBuffer()),
    };
  }
}
