/**
 * The draft plan as the import wizard edits it: the shape of the `plan(id)` query's key points,
 * spelled out so the tree components can be used (and tested) without the query.
 */
export type TaskRole = 'LEAD' | 'RESPONSIBLE';

export interface UnitRef {
  id: string;
  name: string;
}

export interface DraftKeyPointUnit {
  id: string;
  role: TaskRole;
  rawName: string;
  resolution: 'RESOLVED' | 'UNRESOLVED';
  unit: UnitRef | null;
  candidates: { score: number; unit: UnitRef }[];
  /** The clause that names this unit for many key points (…均为责任单位，以下不再列出), if so. */
  impliedFrom?: string | null;
}

export interface DraftDeadline {
  id: string;
  text: string;
  date: string | null;
}

export interface DraftKeyPoint {
  id: string;
  version: number;
  label: string;
  title: string;
  text: string;
  sectionId: string | null;
  parentId: string | null;
  dueDate: string | null;
  deadlines: DraftDeadline[];
  units: DraftKeyPointUnit[];
}

export interface DraftSection {
  id: string;
  label: string;
  title: string;
}

export type UnitKind = 'DEPARTMENT' | 'CITY_GOV' | 'COUNTY_GOV' | 'AGENCY' | 'TOWN' | 'OFFICE' | 'OTHER';

/** A unit name of the draft, once however often it is written. */
export interface DraftUnitName {
  name: string;
  keyPoints: number;
  unresolvedKeyPoints: number;
  suggestedKind: UnitKind | null;
  units: UnitRef[];
  candidates: { score: number; unit: UnitRef }[];
  decision: { id: string; action: 'UNITS' | 'KIND' | 'DROP'; kind: UnitKind | null } | null;
}

/** The same unit name however it is written (width, spaces, quotes), as the API groups names. */
export const sameUnitName = (a: string, b: string) => {
  const key = (n: string) =>
    n
      .normalize('NFKC')
      .replace(/\s+/gu, '')
      .replace(/[“”"'‘’《》]/gu, '');
  return key(a) === key(b);
};

/** "一、加强解读", or the title alone for a heading the document did not number. */
export const sectionHeading = (s: Pick<DraftSection, 'label' | 'title'>) =>
  s.label ? `${s.label}、${s.title}` : s.title;

/** How a named unit looks in the tree: resolved, ambiguous (several candidates), or unknown. */
export type UnitTagState = 'resolved' | 'ambiguous' | 'unresolved';

export function unitTagState(u: DraftKeyPointUnit): UnitTagState {
  if (u.resolution === 'RESOLVED' && u.unit) return 'resolved';
  return u.candidates.length > 0 ? 'ambiguous' : 'unresolved';
}

export interface SectionNode {
  section: DraftSection | null;
  items: KeyPointNode[];
}

export interface KeyPointNode {
  keyPoint: DraftKeyPoint;
  children: KeyPointNode[];
}

/** Sections in order, each with its top-level key points and their sub-items (document order kept). */
export function buildTree(sections: DraftSection[], keyPoints: DraftKeyPoint[]): SectionNode[] {
  const nodes = new Map(keyPoints.map((kp) => [kp.id, { keyPoint: kp, children: [] as KeyPointNode[] }]));
  const roots: KeyPointNode[] = [];
  for (const kp of keyPoints) {
    const node = nodes.get(kp.id)!;
    const parent = kp.parentId ? nodes.get(kp.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const bySection = new Map<string | null, KeyPointNode[]>();
  for (const root of roots) {
    const key =
      root.keyPoint.sectionId && sections.some((s) => s.id === root.keyPoint.sectionId)
        ? root.keyPoint.sectionId
        : null;
    bySection.set(key, [...(bySection.get(key) ?? []), root]);
  }
  const result: SectionNode[] = sections.map((section) => ({ section, items: bySection.get(section.id) ?? [] }));
  const loose = bySection.get(null);
  if (loose?.length) result.unshift({ section: null, items: loose });
  return result;
}

/** Counts that decide whether the plan can be published. */
export function draftProblems(keyPoints: DraftKeyPoint[]) {
  const parents = new Set(keyPoints.map((kp) => kp.parentId).filter(Boolean));
  let unresolved = 0;
  let withoutUnits = 0;
  for (const kp of keyPoints) {
    unresolved += kp.units.filter((u) => unitTagState(u) !== 'resolved').length;
    if (!parents.has(kp.id) && kp.units.length === 0) withoutUnits += 1;
  }
  return { unresolved, withoutUnits };
}
