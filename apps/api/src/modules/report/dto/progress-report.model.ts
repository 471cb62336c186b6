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

  @Field(() => String, { nullable: true, description: 'Set by the evidence checker (reachable, missing, …); null until checked' })
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

  @Field({ description: 'Leader approval was on but the unit had no active leader: the report went straight to the office' })
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

  @Field(() => String, { nullable: true, description: 'The office\'s comment; the reason when returned' })
  reviewComment!: string | null;

  @Field(() => Int)
  version!: number;

  /** Keyset cursor value: submitted_at as PostgreSQL text keeps its microseconds. */
  cursorAt!: string;
}

export const ProgressReportConnection = ConnectionType(ProgressReportModel, 'ProgressReportConnection');
export type ProgressReportConnection = Connection<ProgressReportModel>;

export function toProgressReportModel(row: Record<string, any>): ProgressReportModel {
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

export function toReportEvidenceModel(row: Record<string, any>): ReportEvidenceModel {
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
