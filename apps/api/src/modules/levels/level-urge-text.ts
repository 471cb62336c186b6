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

/** The lower office's notification of an urge from above. */
export function upperUrgeNotice(u: {
  upperName: string;
  senderName: string;
  label: string;
  title: string;
  message: string;
  situation: string;
}): { title: string; body: string } {
  const title = u.title.length > MAX_TITLE ? `${u.title.slice(0, MAX_TITLE - 1)}…` : u.title;
  return {
    title: `上级催办：${[u.label, title].filter(Boolean).join(' ')}`,
    body: `${u.upperName}（${u.senderName}）催办：${u.message}。上级看到的落实情况：${u.situation}。请在“上级催办”中签收。`,
  };
}
