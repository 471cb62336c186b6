import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ImportAction } from '../import/unit-import.planner.js';

export const ImportActionEnum = { CREATED: 'CREATED', UPDATED: 'UPDATED', UNCHANGED: 'UNCHANGED', ERROR: 'ERROR' } as const;
registerEnumType(ImportActionEnum, { name: 'ImportAction', description: 'CREATED 新增, UPDATED 更新, UNCHANGED 无变化, ERROR 有错误' });

@ObjectType('UnitFieldChange', { description: 'One field an updated row changes: 字段：原值 → 新值' })
export class UnitFieldChangeModel {
  @Field()
  field!: string;

  @Field()
  before!: string;

  @Field()
  after!: string;
}

@ObjectType('UnitImportMissing', { description: 'An active unit no row of the file names' })
export class UnitImportMissingModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

@ObjectType('UnitImportRow')
export class UnitImportRowModel {
  @Field(() => Int, { description: 'Row number in the sheet, as Excel shows it' })
  row!: number;

  @Field()
  name!: string;

  @Field(() => ImportActionEnum)
  action!: ImportAction;

  @Field(() => String, { nullable: true, description: 'Why an ERROR row fails; for a matched rename, how it was matched' })
  message!: string | null;

  @Field(() => [UnitFieldChangeModel])
  changes!: UnitFieldChangeModel[];
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

  @Field(() => [UnitImportMissingModel], { description: 'Active units the file does not name' })
  missing!: UnitImportMissingModel[];

  @Field(() => Int, { description: 'Missing units this import deactivated (deactivateMissing)' })
  deactivated!: number;
}
