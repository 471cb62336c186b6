import { shanghaiDate, type NoticeColor } from '@duban/domain';
import { docx } from '../../common/heavy-libraries.js';
import {
  body,
  centred,
  chineseDate,
  flushLeft,
  packDocument,
  signature,
  simpleTable,
  textDate,
} from '../../common/official-document.js';
import type { SupervisionNoticeModel } from './dto/supervision-notice.model.js';

/** The three colours offices print 督办通知单 in, and what each says. */
export const NOTICE_COLOR_STYLE: Record<NoticeColor, { hex: string; label: string; why: string }> = {
  BLUE: { hex: '1F5FBF', label: '蓝色督办', why: '完成时限临近' },
  YELLOW: { hex: 'BF9000', label: '黄色督办', why: '工作进度滞后于时间进度' },
  RED: { hex: 'C00000', label: '红色督办', why: '已超过完成时限仍未完成' },
};

const TITLE_FONT = '方正小标宋简体';

/**
 * The notice as a Word document in the government register: a coloured title and rule, the 文号, the
 * unit addressed, the tasks with their time limits and progress, the 督办要求 and the office's name.
 * Pure: notice in, bytes out.
 */
export function supervisionNoticeDocx(notice: SupervisionNoticeModel, issuer: string): Promise<Buffer> {
  const { AlignmentType, BorderStyle, Paragraph, TextRun } = docx();
  const style = NOTICE_COLOR_STYLE[notice.color];
  const colouredTitle = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 120 },
    border: { bottom: { style: BorderStyle.THICK, size: 18, color: style.hex, space: 6 } },
    children: [new TextRun({ text: '督 办 通 知 单', font: TITLE_FONT, size: 52, color: style.hex })],
  });
  const band = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 120 },
    children: [new TextRun({ text: `（${style.label}）`, font: TITLE_FONT, size: 32, color: style.hex })],
  });
  const table = simpleTable(
    ['序号', '任务', '完成时限', '当前进度', '办理情况'],
    notice.tasks.map((t, i) => [String(i + 1), t.title, textDate(t.dueDate), `${t.progress}%`, t.state]),
  );
  return packDocument([
    colouredTitle,
    band,
    centred(notice.numberText),
    flushLeft(`${notice.unitName}：`),
    body(
      `你单位承办的以下 ${notice.tasks.length} 项任务${style.why}，现予督办。请接到本通知后抓紧办理，于 3 个工作日内在督办系统报送办理情况；确有困难的，请说明原因并提出延期申请。`,
    ),
    table,
    ...(notice.note ? [body(notice.note, '督办要求：')] : []),
    ...signature([issuer, chineseDate(shanghaiDate(notice.createdAt))]),
  ]);
}
