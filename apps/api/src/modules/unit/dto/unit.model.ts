import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { UNIT_KINDS, type UnitKind } from '../unit-kinds.js';

export const UnitKindEnum = Object.fromEntries(UNIT_KINDS.map((k) => [k, k])) as { [K in UnitKind]: K };
registerEnumType(UnitKindEnum, {
  name: 'UnitKind',
  description:
    'DEPARTMENT 部门, CITY_GOV 市政府, COUNTY_GOV 县(区)政府, AGENCY 派驻/直属机构, TOWN 乡镇(街道), OFFICE 办公厅(室), OTHER 其他',
});

export const UnitPersonRoleEnum = { UNIT_LIAISON: 'UNIT_LIAISON', UNIT_LEADER: 'UNIT_LEADER' } as const;
registerEnumType(UnitPersonRoleEnum, {
  name: 'UnitPersonRole',
  description: 'UNIT_LIAISON 联络员, UNIT_LEADER 分管领导',
});

@ObjectType('UnitPerson', { description: "An active liaison or leader of a unit (the directory's coverage)" })
export class UnitPersonModel {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field(() => UnitPersonRoleEnum)
  role!: 'UNIT_LIAISON' | 'UNIT_LEADER';

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => Date, { nullable: true })
  lastSignInAt!: Date | null;

  unitId!: string;
}

@ObjectType('UnitUsage', { description: 'What deactivating a unit affects' })
export class UnitUsageModel {
  @Field(() => Int)
  activePeople!: number;

  @Field(() => Int, { description: 'Tasks not yet done or closed' })
  openTasks!: number;
}

@ObjectType('Unit', { description: '承办单位' })
export class UnitModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => UnitKindEnum)
  kind!: UnitKind;

  @Field(() => ID, { nullable: true })
  parentId!: string | null;

  @Field(() => [String])
  aliases!: string[];

  @Field()
  active!: boolean;

  @Field(() => Int)
  sort!: number;

  @Field(() => Int)
  version!: number;
}

/** Maps a `unit` row (snake_case from raw SQL) to the GraphQL model. */
/** A `unit` row as `SELECT *` returns it. */
export interface UnitRow {
  id: string;
  tenant_id?: string;
  name: string;
  kind: UnitKind;
  parent_id?: string | null;
  /** Some callers hand over a unit already in camelCase. */
  parentId?: string | null;
  aliases?: string[] | null;
  active: boolean;
  sort: number;
  version: number;
  created_at?: Date;
  updated_at?: Date;
}

export function toUnitModel(row: UnitRow): UnitModel {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    parentId: row.parent_id ?? row.parentId ?? null,
    aliases: row.aliases ?? [],
    active: row.active,
    sort: row.sort,
    version: row.version,
  };
}

@ObjectType('DeactivateUnitResult')
export class DeactivateUnitResultModel {
  @Field(() => UnitModel)
  unit!: UnitModel;

  @Field(() => Int, { description: 'Open tasks moved to the receiving unit' })
  movedTasks!: number;

  @Field(() => Int, {
    description: 'Open tasks left with the deactivated unit (the receiving unit already has that key point)',
  })
  keptTasks!: number;
}
