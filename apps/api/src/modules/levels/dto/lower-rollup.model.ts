import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLError, GraphQLScalarType } from 'graphql';

/**
 * A row of the coverage matrix: one count per lower tenant, sent as one value. As `[Int!]!` each of a
 * province's ~24,000 numbers went through the executor on its own, most of the page's CPU.
 */
export const CountListScalar = new GraphQLScalarType<number[], number[]>({
  name: 'CountList',
  description: 'A list of non-negative integer counts, one per lower tenant in the order of `lowers` (output only)',
  serialize(value) {
    if (!Array.isArray(value) || !value.every((n) => Number.isInteger(n) && n >= 0))
      throw new GraphQLError('CountList: not a list of counts');
    return value as number[];
  },
  parseValue() {
    throw new GraphQLError('CountList is an output type');
  },
  parseLiteral() {
    throw new GraphQLError('CountList is an output type');
  },
});

@ObjectType('LowerRollupCounts', { description: '下级任务按警示灯的计数（只含已发布计划的常规任务）' })
export class LowerRollupCountsModel {
  @Field(() => Int, { description: 'Lower key points linked' })
  keyPoints!: number;

  @Field(() => Int)
  tasks!: number;

  @Field(() => Int)
  green!: number;

  @Field(() => Int)
  yellow!: number;

  @Field(() => Int)
  red!: number;

  @Field(() => Int, { description: 'Finished tasks (on time or late)' })
  done!: number;

  @Field(() => Float, { nullable: true, description: 'done / tasks, null without tasks' })
  doneShare!: number | null;

  @Field(() => Int, { description: 'Tasks overdue today' })
  overdue!: number;

  @Field(() => [String], {
    description: 'Units with an overdue task, as 下级机构·单位: the first 10 by name (see overdueUnitCount)',
  })
  overdueUnits!: string[];

  @Field(() => Int, { description: 'All units with an overdue task, named or not' })
  overdueUnitCount!: number;

  @Field(() => String, { nullable: true, description: 'Latest report date (Asia/Shanghai)' })
  lastReportOn!: string | null;
}

@ObjectType('LowerTenantCoverage', { description: '一个下级机构对本机构工作要点的覆盖率' })
export class LowerTenantCoverageModel {
  @Field(() => ID)
  tenantId!: string;

  @Field()
  name!: string;

  @Field(() => Int)
  covered!: number;

  @Field(() => Float, { description: 'covered / the upper key points of the year' })
  share!: number;

  @Field(() => Date, { nullable: true, description: 'When the read model last took in this lower tenant' })
  refreshedAt!: Date | null;
}

@ObjectType('UpperPointRollup', { description: '本机构一项工作要点及其在全部下级机构的落实汇总' })
export class UpperPointRollupModel {
  @Field(() => ID)
  keyPointId!: string;

  @Field(() => LowerRollupCountsModel, { description: 'Across every lower tenant linked now' })
  counts!: LowerRollupCountsModel;

  @Field()
  label!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  sectionTitle!: string | null;

  @Field(() => Int, { description: 'Lower tenants with a linked key point' })
  coveredBy!: number;

  // The coverage matrix's row: count lists rather than an object per cell (a province has thousands).
  @Field(() => CountListScalar, {
    description: "Per lower tenant, in `lowers`' order: its key points linked to this one (0: a gap)",
  })
  lowerKeyPoints!: number[];

  @Field(() => CountListScalar, { description: "Per lower tenant, in `lowers`' order: the tasks of those key points" })
  lowerTasks!: number[];

  @Field(() => CountListScalar, { description: "Per lower tenant, in `lowers`' order: red-light tasks" })
  lowerRed!: number[];

  @Field(() => CountListScalar, { description: "Per lower tenant, in `lowers`' order: finished tasks" })
  lowerDone!: number[];

  @Field(() => CountListScalar, { description: "Per lower tenant, in `lowers`' order: tasks overdue today" })
  lowerOverdue!: number[];
}

@ObjectType('LowerCoverage', { description: '下级落实：本机构某年工作要点 × 下级机构' })
export class LowerCoverageModel {
  @Field(() => Int, { nullable: true, description: 'The plan year shown (null: no published plan)' })
  year!: number | null;

  @Field(() => [UpperPointRollupModel])
  points!: UpperPointRollupModel[];

  @Field(() => [LowerTenantCoverageModel], { description: "The matrix's columns, in the order of each point's lists" })
  lowers!: LowerTenantCoverageModel[];
}

@ObjectType('LowerSharedFile', {
  description: '下级机构共享的报送附件：上级机构可下载（每次下载按当时的关联和共享设置核验）',
})
export class LowerSharedFileModel {
  @Field(() => ID, { description: 'Download at /files/lower/<lowerTenantId>/<fileId>' })
  fileId!: string;

  @Field()
  filename!: string;
}

@ObjectType('LowerSharedReport', {
  description: '下级机构允许共享时：该任务最近一次审核通过的报送（正文、附件名称按其共享设置）',
})
export class LowerSharedReportModel {
  @Field(() => String, { nullable: true, description: 'Null unless the lower office shares report text' })
  text!: string | null;

  @Field(() => [String], { nullable: true, description: 'File names; null unless the lower office shares files' })
  files!: string[] | null;

  @Field(() => [LowerSharedFileModel], { nullable: true, description: 'The files, downloadable; null unless shared' })
  attachments!: LowerSharedFileModel[] | null;

  @Field({ description: 'The day it was submitted (Asia/Shanghai)' })
  reportOn!: string;
}

@ObjectType('LowerRollupTask', { description: '下级任务（只读）：状态、时限、单位、最近报送日期' })
export class LowerRollupTaskModel {
  @Field(() => ID)
  id!: string;

  @Field()
  unitName!: string;

  @Field()
  status!: string;

  @Field()
  light!: string;

  @Field()
  dueDate!: string;

  @Field(() => String, { nullable: true })
  lastReportOn!: string | null;

  @Field()
  overdue!: boolean;

  @Field(() => LowerSharedReportModel, { nullable: true, description: 'Only what the lower office shares' })
  sharedReport!: LowerSharedReportModel | null;
}

@ObjectType('LowerRollupKeyPoint', { description: '下级机构对应本机构某项工作要点的要点及其任务（只读）' })
export class LowerRollupKeyPointModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  lowerTenantId!: string;

  @Field()
  lowerTenantName!: string;

  @Field()
  label!: string;

  @Field()
  title!: string;

  @Field(() => [LowerRollupTaskModel])
  tasks!: LowerRollupTaskModel[];
}
