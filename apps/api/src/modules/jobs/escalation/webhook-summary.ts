import { NOTIFICATION_KIND_LABELS } from '../../notification/notification-text.js';
import type { TaskEventKind } from './task-events.js';

export interface TakenForSummary {
  kind: TaskEventKind;
  unitName: string;
  title: string;
}

// The group robot hears about the ladder, not every due-soon or report reminder.
const ANNOUNCED: TaskEventKind[] = ['SUPERVISE', 'URGE', 'REMIND'];
const MAX_LINES_PER_KIND = 20;

/** The one robot message of a tenant's daily run, or null when nothing climbed the ladder. */
export function webhookSummary(date: string, taken: TakenForSummary[]): string | null {
  const sections: string[] = [];
  for (const kind of ANNOUNCED) {
    const items = taken.filter((t) => t.kind === kind);
    if (items.length === 0) continue;
    const lines = items.slice(0, MAX_LINES_PER_KIND).map((t) => `· ${t.unitName}：${t.title}`);
    if (items.length > MAX_LINES_PER_KIND) lines.push(`· 另有 ${items.length - MAX_LINES_PER_KIND} 项`);
    sections.push(`${NOTIFICATION_KIND_LABELS[kind]} ${items.length} 项：\n${lines.join('\n')}`);
  }
  return sections.length ? `【政务公开督办】${date} 督办情况\n${sections.join('\n')}` : null;
}
