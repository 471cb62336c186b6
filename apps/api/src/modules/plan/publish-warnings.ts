export interface KeyPointDates {
  id: string;
  label: string;
  title: string;
  /** Null: due on the tenant's default date. */
  dueDate: string | null;
  deadlines: readonly { text: string; date: string | null }[];
}

export interface PastTimeLimit {
  keyPointId: string;
  label: string;
  title: string;
  /** The time limit as written; null for the default date of a key point that states none. */
  text: string | null;
  date: string;
  /** The key point's due date itself: its tasks would be overdue from the start. */
  isDueDate: boolean;
}

/**
 * Time limits of a draft that have passed by `today` (all dates YYYY-MM-DD in Asia/Shanghai): a key
 * point already due, else an intermediate time limit already missed. Earliest first. Pure.
 */
export function pastTimeLimits(
  keyPoints: readonly KeyPointDates[],
  today: string,
  defaultDueDate: string,
): PastTimeLimit[] {
  const out: PastTimeLimit[] = [];
  for (const kp of keyPoints) {
    const base = { keyPointId: kp.id, label: kp.label, title: kp.title };
    const due = kp.dueDate ?? defaultDueDate;
    if (due < today) {
      const written = kp.dueDate ? (kp.deadlines.find((d) => d.date === due)?.text ?? null) : null;
      out.push({ ...base, text: written, date: due, isDueDate: true });
      continue;
    }
    for (const d of kp.deadlines)
      if (d.date && d.date < today) out.push({ ...base, text: d.text, date: d.date, isDueDate: false });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
