import { PUBLIC_STATE_LABELS, publicKeyPointState, publicTaskState, type PublicState } from '@duban/domain';

/**
 * The public page's content: what a plan's 重点工作落实情况 shows to anyone, and exactly the open-data
 * JSON. Every field here is public by decision (public-progress-fields.integration-spec.ts lists them);
 * nothing internal has a place in these types.
 */
export const PUBLIC_PROGRESS_FORMAT = 'duban.public-progress.v1';

export interface PublicLink {
  url: string;
  /** The page's own title as the evidence check read it; may be empty. */
  title: string;
}

export interface PublicUnitProgress {
  unit: string;
  role: '牵头' | '责任';
  state: PublicState;
  stateLabel: string;
  timeLimit: string;
  delayedTo: string | null;
  completedOn: string | null;
  links: PublicLink[];
}

export interface PublicKeyPoint {
  no: number;
  section: string | null;
  label: string;
  title: string;
  text: string;
  timeLimit: string | null;
  state: PublicState;
  stateLabel: string;
  delayedTo: string | null;
  completedOn: string | null;
  leadUnits: string[];
  responsibleUnits: string[];
  units: PublicUnitProgress[];
}

export interface PublicProgress {
  format: typeof PUBLIC_PROGRESS_FORMAT;
  publisher: string;
  plan: { year: number; title: string; docNumber: string | null };
  /** The Shanghai day the states are computed for (overdue changes at midnight). */
  asOf: string;
  /** When this snapshot was made. */
  snapshotAt: string;
  sections: { label: string; title: string }[];
  keyPoints: PublicKeyPoint[];
}

/** Rows as the snapshot statement returns them (json_agg, so dates are 'YYYY-MM-DD' strings). */
export interface SnapshotRows {
  sections: { id: string; label: string; title: string }[];
  key_points: {
    id: string;
    section_id: string | null;
    seq: number;
    label: string;
    title: string;
    text: string;
    due_date: string | null;
  }[];
  tasks: {
    id: string;
    key_point_id: string;
    role: 'LEAD' | 'RESPONSIBLE';
    unit_name: string;
    status: 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED' | 'RETURNED' | 'DONE' | 'CLOSED';
    due_date: string;
    original_due_date: string;
    completed_on: string | null;
    delay_approved: boolean;
  }[];
  links: { task_id: string; url: string; title: string | null }[];
}

const sectionName = (s: { label: string; title: string }) =>
  `${s.label}${/[、.．]$/.test(s.label) || !s.label ? '' : '、'}${s.title}`;

/** Builds the public content from the snapshot statement's rows; pure, so the mapping is what the tests pin. */
export function publicProgress(
  rows: SnapshotRows,
  meta: { publisher: string; plan: PublicProgress['plan']; asOf: string; snapshotAt: string },
): PublicProgress {
  const sections = new Map(rows.sections.map((s) => [s.id, s]));
  const linksByTask = new Map<string, PublicLink[]>();
  for (const l of rows.links) {
    const list = linksByTask.get(l.task_id) ?? [];
    list.push({ url: l.url, title: (l.title ?? '').slice(0, 100) });
    linksByTask.set(l.task_id, list);
  }
  const tasksByKp = new Map<string, SnapshotRows['tasks']>();
  for (const t of rows.tasks) tasksByKp.set(t.key_point_id, [...(tasksByKp.get(t.key_point_id) ?? []), t]);
  const keyPoints = rows.key_points.map((kp): PublicKeyPoint => {
    const tasks = tasksByKp.get(kp.id) ?? [];
    const units = tasks.map((t): PublicUnitProgress => {
      const s = publicTaskState(
        { status: t.status, dueDate: t.due_date, delayApproved: t.delay_approved, completedOn: t.completed_on },
        meta.asOf,
      );
      return {
        unit: t.unit_name,
        role: t.role === 'LEAD' ? '牵头' : '责任',
        state: s.state,
        stateLabel: PUBLIC_STATE_LABELS[s.state],
        timeLimit: t.original_due_date,
        delayedTo: s.delayedTo,
        completedOn: s.completedOn,
        links: linksByTask.get(t.id) ?? [],
      };
    });
    const overall = publicKeyPointState(
      units.map((u) => ({
        state: u.state,
        dueDate: u.delayedTo ?? u.timeLimit,
        delayedTo: u.delayedTo,
        completedOn: u.completedOn,
      })),
    );
    const section = kp.section_id ? sections.get(kp.section_id) : undefined;
    const originalLimits = tasks.map((t) => t.original_due_date).sort();
    return {
      no: kp.seq,
      section: section ? sectionName(section) : null,
      label: kp.label,
      title: kp.title,
      text: kp.text,
      timeLimit: kp.due_date ?? originalLimits[originalLimits.length - 1] ?? null,
      state: overall.state,
      stateLabel: PUBLIC_STATE_LABELS[overall.state],
      delayedTo: overall.delayedTo,
      completedOn: overall.completedOn,
      leadUnits: units.filter((u) => u.role === '牵头').map((u) => u.unit),
      responsibleUnits: units.filter((u) => u.role === '责任').map((u) => u.unit),
      units,
    };
  });
  return {
    format: PUBLIC_PROGRESS_FORMAT,
    publisher: meta.publisher,
    plan: meta.plan,
    asOf: meta.asOf,
    snapshotAt: meta.snapshotAt,
    sections: rows.sections.map((s) => ({ label: s.label, title: s.title })),
    keyPoints,
  };
}
