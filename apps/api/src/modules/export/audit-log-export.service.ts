import { Injectable } from '@nestjs/common';
import type * as ExcelJS from 'exceljs';
import { newWorkbook } from '../../common/heavy-libraries.js';
import { DateTime } from 'luxon';
import { Clock } from '../../common/clock.js';
import { XLSX_MIME, type DownloadFile } from '../../common/download.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditLogService, type AuditLogFilterInput, type AuditRecordModel } from '../audit/index.js';
import { fileName, finishPrintable, printableSheet } from './print-layout.js';

const shanghai = (at: Date) => DateTime.fromJSDate(at, { zone: 'Asia/Shanghai' }).toFormat('yyyy-MM-dd HH:mm:ss');

/** The auditor's filtered log as a workbook; the download itself is audited like every other. */
export function auditLogWorkbook(records: AuditRecordModel[], title: string): ExcelJS.Workbook {
  const book = newWorkbook();
  book.creator = 'Duban';
  const columns = [
    { header: '序号', width: 8 },
    { header: '时间', width: 19 },
    { header: '操作人', width: 14, wrap: true },
    { header: '操作', width: 18, wrap: true },
    { header: '对象类型', width: 12 },
    { header: '对象', width: 38 },
    { header: '结果', width: 6 },
    { header: 'IP 地址', width: 15 },
    { header: '客户端', width: 24, wrap: true },
    { header: '内容', width: 50, wrap: true },
  ];
  const sheet = printableSheet(book, '安全审计记录', title, columns);
  for (const r of records)
    sheet.addRow([
      r.seq,
      shanghai(r.at),
      r.actorName ? `${r.actorName}（${r.actorUsername}）` : '系统',
      r.action,
      r.entityType,
      r.entityId,
      r.result === 'failure' ? '失败' : '成功',
      r.ip ?? '',
      r.userAgent ?? '',
      [r.before && `原：${r.before}`, r.after && `新：${r.after}`, r.note && `说明：${r.note}`]
        .filter(Boolean)
        .join('\n'),
    ]);
  finishPrintable(sheet, columns.length);
  return book;
}

@Injectable()
export class AuditLogExportService {
  constructor(
    private readonly auditLog: AuditLogService,
    private readonly clock: Clock,
  ) {}

  async workbook(viewer: Viewer, filter: AuditLogFilterInput): Promise<DownloadFile> {
    const records = await this.auditLog.all(viewer, filter);
    const now = shanghai(this.clock.now());
    const book = auditLogWorkbook(records, `安全审计记录（导出于 ${now}，共 ${records.length} 条）`);
    return {
      filename: fileName(`安全审计记录（${now.slice(0, 10)}）`, 'xlsx'),
      contentType: XLSX_MIME,
      bytes: Buffer.from(await book.xlsx.writeBuffer()),
    };
  }
}
