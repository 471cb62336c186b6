import { shanghaiDate, type WorkCalendar } from '@duban/domain';
import type { Audience } from '../../messaging/index.js';
import type { DueEvent, TaskEventKind } from './task-events.js';

export interface EventSubject {
  title: string;
  unit_name: string;
  due_date: string;
}

const MAX_TITLE = 60;
const short = (text: string) => (text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE - 1)}…` : text);

/** Who hears of each event: 催办 is copied to the unit leader; a 督办 proposal also goes to the office. */
export const EVENT_AUDIENCE: Record<TaskEventKind, Audience> = {
  DUE_SOON: 'UNIT',
  REMIND: 'UNIT',
  OVERDUE: 'UNIT_AND_LEADER',
  URGE: 'UNIT_AND_LEADER',
  SUPERVISE: 'EVERYONE',
  REPORT_DUE: 'UNIT',
  REPORT_MISSING: 'UNIT',
};

export function eventText(
  event: DueEvent,
  task: EventSubject,
  now: Date,
  calendar: WorkCalendar,
): { title: string; body: string } {
  const today = shanghaiDate(now);
  const title = short(task.title);
  const left = today <= task.due_date ? calendar.workingDaysBetween(today, task.due_date) : 0;
  const late = today > task.due_date ? calendar.workingDaysBetween(task.due_date, today) : 0;
  switch (event.kind) {
    case 'DUE_SOON':
      return { title: `任务即将到期：${title}`, body: `完成时限为 ${task.due_date}，还剩 ${left} 个工作日。` };
    case 'REMIND':
      return {
        title: `到期提醒：${title}`,
        body: `完成时限为 ${task.due_date}，还剩 ${left} 个工作日，请按时完成并报送。`,
      };
    case 'OVERDUE':
      return { title: `任务已逾期：${title}`, body: `完成时限为 ${task.due_date}，目前尚未完成。` };
    case 'URGE':
      return { title: `催办：${title}`, body: urgeMessage(task.due_date, late) };
    case 'SUPERVISE':
      return { title: `拟督办：${title}`, body: superviseMessage(task.unit_name, late) };
    case 'REPORT_DUE':
      return { title: `进展待报送：${title}`, body: `本期工作进展请于 ${event.anchorDate} 前报送。` };
    case 'REPORT_MISSING':
      return {
        title: `进展未报送：${title}`,
        body: `本期工作进展报送截止日为 ${event.anchorDate}，尚未报送，请尽快补报。`,
      };
  }
}

export const urgeMessage = (dueDate: string, lateWorkingDays: number) =>
  `任务已于 ${dueDate} 到期仍未完成，已逾期 ${lateWorkingDays} 个工作日，请抓紧办理并报送进展。（系统自动催办）`;

export const superviseMessage = (unitName: string, lateWorkingDays: number) =>
  `${unitName}承办的任务已逾期 ${lateWorkingDays} 个工作日，催办后仍未完成，已列入拟督办名单，将在下期通报中列出。`;
