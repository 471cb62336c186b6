import type { LowerRollupCountsModel } from './dto/lower-rollup.model.js';

/** What the upper office saw of one lower tenant's work on one of its key points when it urged: a gap, or how far the tasks are. */
export function urgeSituation(
  c: Pick<LowerRollupCountsModel, 'keyPoints' | 'tasks' | 'done' | 'overdue' | 'red' | 'yellow'>,
): string {
  if (!c.keyPoints) return '尚无对应的工作要点（缺口）';
  if (!c.tasks) return `已对应工作要点 ${c.keyPoints} 项，尚未分解到承办单位`;
  const lights = c.red || c.yellow ? `（红灯 ${c.red} 项、黄灯 ${c.yellow} 项）` : '';
  return `对应工作要点 ${c.keyPoints} 项，任务 ${c.tasks} 项，已完成 ${c.done} 项，逾期 ${c.overdue} 项${lights}`;
}

const MAX_TITLE = 40;
const keyPointName = (label: string, title: string) =>
  [label, title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title].filter(Boolean).join(' ');

/** The lower office's notification of an urge from above. */
export function upperUrgeNotice(u: {
  upperName: string;
  senderName: string;
  label: string;
  title: string;
  message: string;
  situation: string;
}): { title: string; body: string } {
  return {
    title: `上级催办：${keyPointName(u.label, u.title)}`,
    body: `${u.upperName}（${u.senderName}）催办：${u.message}。上级看到的落实情况：${u.situation}。请在“上级催办”中签收。`,
  };
}

/** The upper office's notification that a lower office signed (签收) its urge. */
export function urgeAcknowledgedNotice(a: {
  lowerName: string;
  signerName: string;
  label: string;
  title: string;
  sentOn: string;
}): { title: string; body: string } {
  return {
    title: `下级已签收催办：${keyPointName(a.label, a.title)}`,
    body: `${a.lowerName}（${a.signerName}）已签收 ${a.sentOn} 关于“${keyPointName(a.label, a.title)}”的催办。详见“下级落实 → 催办记录”。`,
  };
}
