import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ReportStatusEnum, type ReportStatus } from '../../../common/enums.js';
import { ConnectionType, type Connection } from '../../../common/pagination.js';

export const EVIDENCE_KINDS = ['URL', 'FILE'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EvidenceKindEnum = Object.fromEntries(EVIDENCE_KINDS.map((k) => [k, k])) as { [K in EvidenceKind]: K };
registerEnumType(EvidenceKindEnum, { name: 'EvidenceKind', description: 'URL 公开网页链接, FILE 附件' });

@ObjectType('ReportEvidence', { description: '进展佐证：信息公开的网址或附件' })
export class ReportEvidenceModel {
  @Field(() => ID)
  id!: string;

  reportId!: string;

  @Field(() => EvidenceKindEnum)
  kind!: EvidenceKind;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => ID, { nullable: true })
  fileId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Set by the evidence checker (reachable, missing, …); null until checked',
  })
  checkStatus!: string | null;

  @Field(() => Int, { nullable: true })
  checkHttpStatus!: number | null;

  @Field(() => String, { nullable: true, description: 'The page title the checker found' })
  checkTitle!: string | null;

  @Field(() => String, { nullable: true, description: 'LocalDate: the publication date the checker found on the page' })
  pageDate!: string | null;

  @Field(() => Date, { nullable: true })
  checkedAt!: Date | null;
}

@ObjectType('ProgressReport', { description: '进展报告' })
export class ProgressReportModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  taskId!: string;

  @Field(() => ID)
  unitId!: string;

  @Field(() => ID)
  authorId!: string;

  @Field()
  text!: string;

  @Field(() => Int)
  progress!: number;

  @Field()
  claimsCompletion!: boolean;

  @Field(() => ReportStatusEnum)
  status!: ReportStatus;

  @Field(() => Date)
  submittedAt!: Date;

  @Field({
    description: 'Leader approval was on but the unit had no active leader: the report went straight to the office',
  })
  leaderSkipped!: boolean;

  @Field(() => ID, { nullable: true })
  leaderId!: string | null;

  @Field(() => Date, { nullable: true })
  leaderDecidedAt!: Date | null;

  @Field(() => String, { nullable: true })
  leaderComment!: string | null;

  @Field(() => ID, { nullable: true })
  reviewerId!: string | null;

  @Field(() => Date, { nullable: true })
  reviewedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The office's comment; the reason when returned" })
  reviewComment!: string | null;

  @Field(() => Int)
  version!: number;

  /** Keyset cursor value: submitted_at as PostgreSQL text keeps its microseconds. */
  cursorAt!: string;
}

export const ProgressReportConnection = ConnectionType(ProgressReportModel, 'ProgressReportConnection');
export type ProgressReportConnection = Connection<ProgressReportModel>;

/** A `progress_report` row. */
export interface ProgressReportRow {
  id: string;
  task_id: string;
  unit_id: string;
  author_id: string;
  text: string;
  progress: number;
  claims_completion: boolean;
  status: ReportStatus;
  submitted_at: Date;
  leader_skipped?: boolean;
  leader_id: string | null;
  leader_decided_at: Date | null;
  leader_comment: string | null;
  reviewer_id: string | null;
  reviewed_at: Date | null;
  review_comment: string | null;
  version: number;
}

/** A report row with its keyset cursor (`submitted_at::text AS cursor_at`), as the API returns reports. */
export type CursoredReportRow = ProgressReportRow & { cursor_at: string };

export function toProgressReportModel(row: CursoredReportRow): ProgressReportModel {
  return {
    id: row.id,
    taskId: row.task_id,
    unitId: row.unit_id,
    authorId: row.author_id,
    text: row.text,
    progress: row.progress,
    claimsCompletion: row.claims_completion,
    status: row.status,
    submittedAt: row.submitted_at,
    leaderSkipped: row.leader_skipped ?? false,
    leaderId: row.leader_id,
    leaderDecidedAt: row.leader_decided_at,
    leaderComment: row.leader_comment,
    reviewerId: row.reviewer_id,
    reviewedAt: row.reviewed_at,
    reviewComment: row.review_comment,
    version: row.version,
    cursorAt: row.cursor_at,
  };
}

/** A `report_evidence` row: a link or an uploaded file, with what the checker last found. */
export interface ReportEvidenceRow {
  id: string;
  report_id: string;
  kind: EvidenceKind;
  url: string | null;
  file_id: string | null;
  check_status: string | null;
  check_http_status: number | null;
  check_title: string | null;
  page_date: string | null;
  checked_at: Date | null;
}

export function toReportEvidenceModel(row: ReportEvidenceRow): ReportEvidenceModel {
  return {
    id: row.id,
    reportId: row.report_id,
    kind: row.kind,
    url: row.url,
    fileId: row.file_id,
    checkStatus: row.check_status,
    checkHttpStatus: row.check_http_status,
    checkTitle: row.check_title,
    pageDate: row.page_date,
    checkedAt: row.checked_at,
  };
}
