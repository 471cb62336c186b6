import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PlanStatusEnum, type PlanStatus } from '../../../common/enums.js';

@ObjectType('Plan', { description: '工作要点 / 工作方案' })
export class PlanModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  year!: number;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: '文号' })
  docNumber!: string | null;

  @Field(() => String, { nullable: true })
  issuer!: string | null;

  @Field(() => PlanStatusEnum)
  status!: PlanStatus;

  @Field(() => ID, { nullable: true, description: 'The upper-level plan this one implements' })
  parentPlanId!: string | null;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => Int)
  version!: number;

  // Undefined when the row was read without it (PLAN_READ_COLUMNS): PlanResolver.sourceText reads it when asked.
  @Field(() => String, { nullable: true, description: 'The imported document as text' })
  sourceText?: string | null;

  @Field(() => String, { nullable: true })
  sourceFilename!: string | null;

  @Field(() => [String], { description: 'What the parser flagged for a person to check' })
  parseWarnings!: string[];

  @Field(() => Date)
  createdAt!: Date;
}

/**
 * The columns a plan read needs, all but `source_text`: an imported document's whole text would otherwise
 * travel with every ledger page's and task's plan. Only PlanModel.sourceText reads it, on its own.
 */
export const PLAN_READ_COLUMNS =
  'id, year, title, doc_number, issuer, status, parent_plan_id, published_at, version, source_filename, parse_warnings, created_at';

/** A `plan` row as `SELECT *` (or PLAN_READ_COLUMNS, without source_text) returns it (the columns the API reads). */
export interface PlanRow {
  id: string;
  tenant_id?: string;
  year: number;
  title: string;
  doc_number: string | null;
  issuer: string | null;
  status: PlanStatus;
  parent_plan_id: string | null;
  published_at: Date | null;
  version: number;
  source_text?: string | null;
  source_filename?: string | null;
  parse_warnings?: string[] | null;
  created_at: Date;
  updated_at?: Date;
}

export function toPlanModel(row: PlanRow): PlanModel {
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    docNumber: row.doc_number,
    issuer: row.issuer,
    status: row.status,
    parentPlanId: row.parent_plan_id,
    publishedAt: row.published_at,
    version: row.version,
    // Absent from PLAN_READ_COLUMNS rows: left undefined so the field resolver reads it, not taken for null.
    sourceText: 'source_text' in row ? (row.source_text ?? null) : undefined,
    sourceFilename: row.source_filename ?? null,
    parseWarnings: row.parse_warnings ?? [],
    createdAt: row.created_at,
  };
}
