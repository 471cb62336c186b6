import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TaskRoleEnum, type TaskRole } from '../../../common/enums.js';
import { UnitModel } from '../../unit/index.js';

export const KEY_POINT_UNIT_RESOLUTIONS = ['RESOLVED', 'UNRESOLVED'] as const;
export type KeyPointUnitResolution = (typeof KEY_POINT_UNIT_RESOLUTIONS)[number];
export const KeyPointUnitResolutionEnum = { RESOLVED: 'RESOLVED', UNRESOLVED: 'UNRESOLVED' } as const;
registerEnumType(KeyPointUnitResolutionEnum, {
  name: 'KeyPointUnitResolution',
  description: 'RESOLVED 已对应到单位, UNRESOLVED 未识别的单位名称',
});

@ObjectType('KeyPointUnit', { description: 'A unit named by a key point (牵头/责任), as written and as resolved' })
export class KeyPointUnitModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  keyPointId!: string;

  @Field(() => TaskRoleEnum)
  role!: TaskRole;

  @Field({ description: 'The name as written in the document' })
  rawName!: string;

  @Field(() => ID, { nullable: true })
  unitId!: string | null;

  @Field(() => KeyPointUnitResolutionEnum)
  resolution!: KeyPointUnitResolution;

  @Field(() => Int)
  sort!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Set when the document names this unit once for many key points: the clause as written (…均为责任单位，以下不再列出)',
  })
  impliedFrom!: string | null;
}

@ObjectType('UnitCandidate', { description: 'A unit that may be meant by an unresolved name' })
export class UnitCandidateModel {
  @Field(() => UnitModel)
  unit!: UnitModel;

  @Field(() => Float, { description: '0..1, higher is closer' })
  score!: number;
}

/** A `key_point_unit` row: one unit named on a key point, as written and as resolved. */
export interface KeyPointUnitRow {
  id: string;
  key_point_id: string;
  role: TaskRole;
  raw_name: string;
  unit_id: string | null;
  sort: number;
  implied_from?: string | null;
}

export function toKeyPointUnitModel(row: KeyPointUnitRow): KeyPointUnitModel {
  return {
    id: row.id,
    keyPointId: row.key_point_id,
    role: row.role,
    rawName: row.raw_name,
    unitId: row.unit_id,
    resolution: row.unit_id ? 'RESOLVED' : 'UNRESOLVED',
    sort: row.sort,
    impliedFrom: row.implied_from ?? null,
  };
}
