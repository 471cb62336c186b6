import type { ActionKind, MessageKind } from '../message-kinds.js';
import type { RobotContent } from '../channels/robot-message.js';

/** Who hears of an event about a unit's task; PEOPLE: the notice's `userIds`, whatever their unit. */
export type Audience = 'UNIT' | 'UNIT_AND_LEADER' | 'UNIT_LEADER' | 'OFFICE' | 'EVERYONE' | 'PEOPLE';

/** One event for the people of one unit (or the office): becomes a notification per person. */
export interface MessageNotice {
  kind: MessageKind;
  unitId: string | null;
  taskIds: string[];
  /** For a gathering kind, "{n}" stands for how many events the notification gathers. */
  title: string;
  body: string;
  audience: Audience;
  /** For the audience PEOPLE: who (active people of the tenant only). */
  userIds?: string[];
  /** Notices with the same key gather into one unread notification per person. */
  groupKey?: string | null;
}

/** What the event texts need to know about a task. */
export interface TaskFacts {
  id: string;
  unitId: string;
  unitName: string;
  title: string;
  planTitle: string;
  dueDate: string;
  progress: number;
}

/** What happened, beyond the task itself. */
export interface EventDetail {
  reason?: string | null;
  /** Text of an urge or a 批示, or a decision's comment. */
  text?: string | null;
  actorName?: string | null;
  approved?: boolean;
  previousDueDate?: string | null;
  claimsCompletion?: boolean;
  /** The progress a report states (the task's own moves only once the office has it). */
  progress?: number;
  /** 督办通知单 number, e.g. 督〔2026〕3号. */
  noticeNumber?: string | null;
}

const MAX_TITLE = 60;
const MAX_LISTED = 5;
const short = (text: string) => (text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE - 1)}…` : text);

const AUDIENCE: Record<ActionKind, Audience> = {
  TASK_ASSIGNED: 'UNIT',
  TASK_AMENDED: 'UNIT',
  INSTRUCTION: 'UNIT_AND_LEADER',
  REPORT_PENDING_APPROVAL: 'UNIT_LEADER',
  REPORT_SUBMITTED: 'OFFICE',
  REPORT_RETURNED: 'UNIT',
  REPORT_ACCEPTED: 'UNIT',
  DELAY_DECIDED: 'UNIT',
  URGE: 'UNIT_AND_LEADER',
  SUPERVISE: 'UNIT_AND_LEADER',
  TASK_CLOSED: 'UNIT',
  TASK_REOPENED: 'UNIT',
};

function oneTask(
  kind: MessageKind,
  t: TaskFacts,
  d: EventDetail,
  today: string,
): { title: string; body: string; groupKey?: string } {
  const title = short(t.title);
  switch (kind) {
    case 'TASK_AMENDED':
      return {
        title: `任务调整：${title}`,
        body: `${d.previousDueDate ? `完成时限由 ${d.previousDueDate} 调整为 ${t.dueDate}。` : `完成时限为 ${t.dueDate}。`}调整原因：${d.reason ?? ''}`,
      };
    case 'INSTRUCTION':
      return { title: `领导批示：${title}`, body: `${d.actorName ?? '领导'}批示：${d.text ?? ''}` };
    case 'REPORT_PENDING_APPROVAL':
      return {
        title: `进展待审核：${title}`,
        body: `${d.actorName ?? '联络员'}报送了进展（进度 ${d.progress ?? t.progress}%${d.claimsCompletion ? '，申报完成' : ''}），请审核后报办公室。`,
      };
    case 'REPORT_SUBMITTED':
      return {
        title: '待审核的进展报告 {n} 份',
        body: `最新：${t.unitName}报送了“${title}”的进展（进度 ${t.progress}%）。`,
        groupKey: `REPORT_SUBMITTED:${today}`,
      };
    case 'REPORT_RETURNED':
      return {
        title: `报告被退回：${title}`,
        body: `${d.actorName ? `${d.actorName}退回，` : ''}退回原因：${d.reason ?? ''}`,
      };
    case 'REPORT_ACCEPTED':
      return {
        title: `报告已通过：${title}`,
        body: d.claimsCompletion ? '办公室已确认任务完成。' : '办公室已审核通过本次进展。',
      };
    case 'DELAY_DECIDED':
      return d.approved
        ? { title: `延期已批准：${title}`, body: `完成时限调整为 ${t.dueDate}。${d.text ? `意见：${d.text}` : ''}` }
        : { title: `延期未获批准：${title}`, body: `不予批准的理由：${d.text ?? ''}。完成时限仍为 ${t.dueDate}。` };
    case 'URGE':
      return { title: `催办：${title}`, body: d.text ?? `完成时限为 ${t.dueDate}，请抓紧办理。` };
    case 'TASK_CLOSED':
      return { title: `办结销号：${title}`, body: '办公室已将任务办结销号。' };
    case 'TASK_REOPENED':
      return { title: `任务重新打开：${title}`, body: `重新打开的原因：${d.reason ?? ''}` };
    default:
      return { title, body: '' };
  }
}

/** Several tasks of one unit in one message (a plan published, a 督办通知单). */
function unitTasks(kind: MessageKind, tasks: TaskFacts[], d: EventDetail): { title: string; body: string } {
  const listed = tasks.slice(0, MAX_LISTED).map((t, i) => `${i + 1}. ${short(t.title)}（${t.dueDate} 前）`);
  if (tasks.length > MAX_LISTED) listed.push(`…另有 ${tasks.length - MAX_LISTED} 项`);
  if (kind === 'SUPERVISE') {
    return {
      title: `督办通知单${d.noticeNumber ? ` ${d.noticeNumber}` : ''}：${tasks.length} 项任务`,
      body: `${tasks[0]!.unitName}：以下任务请抓紧办理，并按要求报送进展。\n${listed.join('\n')}${d.text ? `\n${d.text}` : ''}`,
    };
  }
  const plan = tasks[0]!.planTitle;
  return {
    title: tasks.length === 1 ? `新任务：${short(tasks[0]!.title)}` : `新交办任务 ${tasks.length} 项`,
    body: `《${plan}》交办${tasks[0]!.unitName}：\n${listed.join('\n')}\n请及时签收，并在时限内办理。`,
  };
}

export const audienceOf = (kind: ActionKind): Audience => AUDIENCE[kind];

/** The notices of an action on tasks: per task, or per unit for the kinds that bundle a unit's tasks. */
export function actionNotices(
  kind: ActionKind,
  tasks: TaskFacts[],
  detail: EventDetail,
  today: string,
): MessageNotice[] {
  const audience = AUDIENCE[kind];
  if (kind === 'TASK_ASSIGNED' || kind === 'SUPERVISE') {
    const byUnit = new Map<string, TaskFacts[]>();
    for (const t of tasks) byUnit.set(t.unitId, [...(byUnit.get(t.unitId) ?? []), t]);
    return [...byUnit.values()].map((list) => ({
      kind,
      unitId: list[0]!.unitId,
      taskIds: list.map((t) => t.id),
      audience,
      ...unitTasks(kind, list, detail),
    }));
  }
  const notices: MessageNotice[] = tasks.map((t) => ({
    kind,
    unitId: t.unitId,
    taskIds: [t.id],
    audience,
    ...oneTask(kind, t, detail, today),
  }));
  if (kind === 'INSTRUCTION' && tasks.length > 0) {
    // The office hears of a 批示 once, not once per unit.
    const t = tasks[0]!;
    notices.push({
      kind,
      unitId: null,
      taskIds: tasks.map((x) => x.id),
      audience: 'OFFICE',
      ...oneTask(kind, t, detail, today),
    });
  }
  return notices;
}

/**
 * A task's link for a group: `/tasks/<id>` sends each reader to where they work on it (their unit's task
 * list, or the ledger). Brackets in the title would end the link text early, so they become full-width.
 */
function taskLink(t: TaskFacts, publicUrl: string | null): string {
  const title = short(t.title);
  return publicUrl ? `[${title.replaceAll('[', '［').replaceAll(']', '］')}](${publicUrl}/tasks/${t.id})` : title;
}

/**
 * What a group robot says about an action, or null when robots are not told of it. With `publicUrl`
 * (PUBLIC_URL) each task links straight to itself, and an assignment to the units' task list.
 */
export function robotAnnouncement(
  kind: ActionKind,
  tasks: TaskFacts[],
  detail: EventDetail,
  publicUrl: string | null = null,
): RobotContent | null {
  if (tasks.length === 0) return null;
  if (kind === 'TASK_ASSIGNED') {
    const units = new Set(tasks.map((t) => t.unitId)).size;
    const plan = tasks[0]!.planTitle;
    const signIn = publicUrl ? `[登录督办系统](${publicUrl}/unit)` : '登录督办系统';
    return {
      title: `《${plan}》任务交办`,
      markdown: `### 【政务公开督办】《${plan}》任务交办\n共向 **${units}** 个单位交办 **${tasks.length}** 项任务，请各单位${signIn}签收，并在时限内办理。`,
      mentions: [],
    };
  }
  if (kind === 'URGE' || kind === 'SUPERVISE') {
    const head = kind === 'URGE' ? '催办' : `督办通知单${detail.noticeNumber ? ` ${detail.noticeNumber}` : ''}`;
    const lines = tasks
      .slice(0, 10)
      .map((t) => `- **${t.unitName}**：${taskLink(t, publicUrl)}（时限 ${t.dueDate}，进度 ${t.progress}%）`);
    if (tasks.length > 10) lines.push(`- …另有 ${tasks.length - 10} 项`);
    return {
      title: head,
      markdown: `### 【政务公开督办】${head}\n${lines.join('\n')}${detail.text ? `\n\n> ${detail.text.replaceAll('\n', ' ')}` : ''}`,
      mentions: [],
    };
  }
  return null;
}

/** Robot kinds each action is announced under. */
export const ROBOT_KIND_OF: Partial<Record<ActionKind, 'TASK_ASSIGNED' | 'URGE'>> = {
  TASK_ASSIGNED: 'TASK_ASSIGNED',
  URGE: 'URGE',
  SUPERVISE: 'URGE',
};
