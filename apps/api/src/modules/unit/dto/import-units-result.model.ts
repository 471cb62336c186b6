import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ImportAction } from '../import/unit-import.planner.js';

export const ImportActionEnum = { CREATED: 'CREATED', UPDATED: 'UPDATED', UNCHANGED: 'UNCHANGED', ERROR: 'ERROR' } as const;
registerEnumType(ImportActionEnum, { name: 'ImportAction', description: 'CREATED 新增, UPDATED 更新, UNCHANGED 无变化, ERROR 有错误' });

@ObjectType('UnitImportRow')
export class UnitImportRowModel {
  @Field(() => Int, { description: 'Row number in the sheet, as Excel shows it' })
  row!: number;

  @Field()
  name!: string;

  @Field(() => ImportActionEnum)
  action!: ImportAction;

  @Field(() => String, { nullable: true })
  message!: string | null;
}

@ObjectType('UnitImportResult')
export class UnitImportResultModel {
  @Field()
  dryRun!: boolean;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  errors!: number;

  @Field(() => [UnitImportRowModel])
  rows!: UnitImportRowModel[];
}
