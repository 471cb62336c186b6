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

  @Field(() => String, { nullable: true, description: 'The imported document as text' })
  sourceText!: string | null;

  @Field(() => String, { nullable: true })
  sourceFilename!: string | null;

  @Field(() => [String], { description: 'What the parser flagged for a person to check' })
  parseWarnings!: string[];

  @Field(() => Date)
  createdAt!: Date;
}

/** A `plan` row as `SELECT *` returns it (the columns the API reads). */
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
    sourceText: row.source_text ?? null,
    sourceFilename: row.source_filename ?? null,
    parseWarnings: row.parse_warnings ?? [],
    createdAt: row.created_at,
  };
}
