import type { RobotContent } from '../../messaging/index.js';
import type { TaskEventKind } from './task-events.js';

export interface TakenForSummary {
  kind: TaskEventKind;
  unitId: string;
  unitName: string;
  title: string;
}

// The group robot hears about the ladder, not every due-soon or report reminder.
const ANNOUNCED: TaskEventKind[] = ['SUPERVISE', 'URGE', 'REMIND'];
const LABELS: Partial<Record<TaskEventKind, string>> = { SUPERVISE: '拟督办', URGE: '催办', REMIND: '到期提醒' };
// Whose liaisons the robot @-mentions: the units urged or proposed for 督办 today.
const MENTIONED: TaskEventKind[] = ['SUPERVISE', 'URGE'];
const MAX_LINES_PER_KIND = 20;

/** The one robot message of a tenant's daily run, or null when nothing climbed the ladder. */
export function robotSummary(
  date: string,
  taken: TakenForSummary[],
): { content: RobotContent; mentionUnitIds: string[] } | null {
  const sections: string[] = [];
  for (const kind of ANNOUNCED) {
    const items = taken.filter((t) => t.kind === kind);
    if (items.length === 0) continue;
    const lines = items.slice(0, MAX_LINES_PER_KIND).map((t) => `- **${t.unitName}**：${t.title}`);
    if (items.length > MAX_LINES_PER_KIND) lines.push(`- 另有 ${items.length - MAX_LINES_PER_KIND} 项`);
    sections.push(`#### ${LABELS[kind]} ${items.length} 项\n${lines.join('\n')}`);
  }
  if (sections.length === 0) return null;
  const title = `${date} 督办情况`;
  return {
    content: { title, markdown: `### 【政务公开督办】${title}\n${sections.join('\n')}`, mentions: [] },
    mentionUnitIds: [...new Set(taken.filter((t) => MENTIONED.includes(t.kind)).map((t) => t.unitId))],
  };
}
