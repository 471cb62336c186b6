import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { NoticeColor } from '@duban/domain';
import { ConnectionType } from '../../../common/pagination.js';

export const NOTICE_COLORS = ['BLUE', 'YELLOW', 'RED'] as const;
export const NoticeColorEnum = Object.fromEntries(NOTICE_COLORS.map((c) => [c, c])) as { [K in NoticeColor]: K };
registerEnumType(NoticeColorEnum, {
  name: 'NoticeColor',
  description: '督办通知单: BLUE 时限临近, YELLOW 进度滞后, RED 已逾期',
});

@ObjectType('SupervisionNoticeTask', { description: 'A task on a 督办通知单, as it stood when the notice was issued' })
export class SupervisionNoticeTaskModel {
  @Field(() => ID)
  taskId!: string;

  @Field()
  title!: string;

  @Field({ description: 'LocalDate' })
  dueDate!: string;

  @Field(() => Int)
  progress!: number;

  @Field(() => NoticeColorEnum, { nullable: true })
  color!: NoticeColor | null;

  @Field({ description: '已逾期 N 个工作日 / 进度落后 / 距时限 N 个工作日' })
  state!: string;
}

@ObjectType('SupervisionNotice', { description: '督办通知单: numbered per year, to one unit, about its tasks' })
export class SupervisionNoticeModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  number!: number;

  @Field({ description: '文号, e.g. 督办〔2026〕3号' })
  numberText!: string;

  @Field(() => ID)
  unitId!: string;

  @Field()
  unitName!: string;

  @Field(() => NoticeColorEnum)
  color!: NoticeColor;

  @Field()
  note!: string;

  @Field(() => [SupervisionNoticeTaskModel])
  tasks!: SupervisionNoticeTaskModel[];

  @Field(() => String, { nullable: true })
  createdByName!: string | null;

  @Field()
  createdAt!: Date;
}

export const SupervisionNoticeConnection = ConnectionType(SupervisionNoticeModel, 'SupervisionNoticeConnection');
export type SupervisionNoticeConnection = InstanceType<typeof SupervisionNoticeConnection>;

@InputType()
export class IssueSupervisionNoticeInput {
  @Field(() => ID)
  unitId!: string;

  @Field(() => [ID], { description: "The unit's open tasks concerned, 1–50" })
  taskIds!: string[];

  @Field(() => NoticeColorEnum, { nullable: true, description: 'Left out: the colour of the most serious task' })
  color?: NoticeColor | null;

  @Field(() => String, { nullable: true, description: '督办要求, at most 500 characters' })
  note?: string | null;
}

@ArgsType()
export class SupervisionNoticesArgs {
  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Notices that name this task' })
  taskId?: string | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

export const noticeNumberText = (year: number, number: number) => `督办〔${year}〕${number}号`;

export const NOTICE_SELECT = `SELECT sn.*, un.name AS unit_name, cb.display_name AS created_by_name
  FROM supervision_notice sn
  JOIN unit un ON un.tenant_id = sn.tenant_id AND un.id = sn.unit_id
  LEFT JOIN app_user cb ON cb.tenant_id = sn.tenant_id AND cb.id = sn.created_by`;

/** A `supervision_notice` row as NOTICE_SELECT returns it. */
export interface SupervisionNoticeRow {
  id: string;
  year: number;
  number: number;
  unit_id: string;
  unit_name: string;
  color: NoticeColor;
  note: string;
  tasks: SupervisionNoticeTaskModel[];
  created_by_name?: string | null;
  created_at: Date;
}

export function toSupervisionNoticeModel(row: SupervisionNoticeRow): SupervisionNoticeModel {
  return {
    id: row.id,
    year: row.year,
    number: row.number,
    numberText: noticeNumberText(row.year, row.number),
    unitId: row.unit_id,
    unitName: row.unit_name,
    color: row.color,
    note: row.note,
    tasks: row.tasks,
    createdByName: row.created_by_name ?? null,
    createdAt: row.created_at,
  };
}
