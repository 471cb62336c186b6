/** The contract's JSON output (shared/contracts/parse-cli.md). */
export interface ParsedPlan {
  title: string | null;
  year: number | null;
  issuer: string | null;
  docNumber: string | null;
  sections: ParsedSection[];
  items: ParsedItem[];
  planMilestones: Deadline[];
  warnings: string[];
  /**
   * Present only when a notice issues several plans: each of them, in document order. The fields
   * above are then those of the first, so callers that read one plan keep working.
   */
  plans?: ParsedPlan[];
}

export interface ParsedSection {
  label: string;
  title: string;
}

export interface ParsedItem {
  seq: number;
  section: string | null;
  label: string;
  /** Label of the enclosing item when this is a numbered sub-item. */
  parentLabel?: string;
  title: string;
  text: string;
  leadUnits: string[];
  responsibleUnits: string[];
  unitsOpenEnded: boolean;
  deadlines: Deadline[];
  /**
   * Units this item has because a clause elsewhere names them for many items (`…均为责任单位，
   * 以下不再列出`, a list marked 下同, a preamble clause): already in leadUnits/responsibleUnits,
   * listed here with the clause as written so the office can see where they came from.
   */
  impliedUnits?: ImpliedUnit[];
}

export interface ImpliedUnit {
  name: string;
  role: 'lead' | 'responsible';
  /** The clause that names the unit for this item, as written. */
  source: string;
}

export interface Deadline {
  text: string;
  /** ISO calendar date (Asia/Shanghai); null for rules counted from an event (`1个工作日内`). */
  date: string | null;
}

export interface ParseOptions {
  /** Plan year to use when the document does not state one. */
  year?: number;
  /**
   * The tenant's unit names (and aliases), when known: they split names a table wrote together
   * (`省发改委省商务厅`). The parser stays pure: the caller passes them in.
   */
  unitNames?: readonly string[];
}
