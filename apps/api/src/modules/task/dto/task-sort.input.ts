import { Field, InputType, registerEnumType } from '@nestjs/graphql';

export const TASK_SORT_FIELDS = ['DUE_DATE', 'UNIT', 'KEY_POINT', 'STATUS', 'PROGRESS', 'UPDATED'] as const;
export type TaskSortField = (typeof TASK_SORT_FIELDS)[number];
export const TaskSortFieldEnum = Object.fromEntries(TASK_SORT_FIELDS.map((v) => [v, v])) as { [K in TaskSortField]: K };
registerEnumType(TaskSortFieldEnum, {
  name: 'TaskSortField',
  description:
    'DUE_DATE 截止日期, UNIT 单位名称, KEY_POINT 文件顺序 (要点序号, 牵头在前, 单位名称), STATUS 状态, PROGRESS 进度, UPDATED 最近更新',
});

export const TaskSortDirectionEnum = { ASC: 'ASC', DESC: 'DESC' } as const;
export type TaskSortDirection = keyof typeof TaskSortDirectionEnum;
registerEnumType(TaskSortDirectionEnum, { name: 'TaskSortDirection' });

@InputType()
export class TaskSortInput {
  @Field(() => TaskSortFieldEnum, { defaultValue: 'DUE_DATE' })
  field!: TaskSortField;

  @Field(() => TaskSortDirectionEnum, { defaultValue: 'ASC' })
  direction!: TaskSortDirection;
}
