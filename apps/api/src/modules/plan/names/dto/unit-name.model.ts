import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { UnitKindEnum, UnitModel, type UnitKind } from '../../../unit/index.js';
import { UnitCandidateModel } from '../../dto/key-point-unit.model.js';
import { UNIT_NAME_ACTIONS, type UnitNameAction } from '../unit-name-decision.js';

export const UnitNameActionEnum = Object.fromEntries(UNIT_NAME_ACTIONS.map((a) => [a, a])) as {
  [K in UnitNameAction]: K;
};
registerEnumType(UnitNameActionEnum, {
  name: 'UnitNameAction',
  description: 'UNITS 对应到一个或几个单位, KIND 对应到一类单位（单位名录的类型）, DROP 略去此名称',
});

@ObjectType('UnitNameDecision', {
  description: 'What the office decided a unit name means, remembered for the next import',
})
export class UnitNameDecisionModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => UnitNameActionEnum)
  action!: UnitNameAction;

  @Field(() => [ID], { description: 'UNITS: the units chosen (units deleted since are left out)' })
  unitIds!: string[];

  @Field(() => UnitKindEnum, { nullable: true })
  kind!: UnitKind | null;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('DraftUnitName', {
  description: 'A unit name as written in a draft, once for the whole draft however often it occurs',
})
export class DraftUnitNameModel {
  @Field({ description: 'The name as written (its first spelling in the draft)' })
  name!: string;

  @Field(() => Int, { description: 'Key points that name it' })
  keyPoints!: number;

  @Field(() => Int, { description: 'Of those, key points where it is not yet mapped to a unit' })
  unresolvedKeyPoints!: number;

  @Field(() => [UnitModel], { description: 'The units it is mapped to on at least one key point' })
  units!: UnitModel[];

  @Field(() => [UnitCandidateModel], {
    description: 'For an unresolved name: the closest units, only those similar enough to be meant',
  })
  candidates!: UnitCandidateModel[];

  @Field(() => UnitKindEnum, {
    nullable: true,
    description: 'A collective name (省直有关部门, 各州市人民政府): the kind of units it stands for',
  })
  suggestedKind!: UnitKind | null;

  @Field(() => UnitNameDecisionModel, { nullable: true, description: 'The decision remembered for this name, if any' })
  decision!: UnitNameDecisionModel | null;
}

/** A `unit_name_alias` row: what the office decided a unit name as written means. */
export interface UnitNameAliasRow {
  id: string;
  tenant_id?: string;
  name: string;
  name_key: string;
  action: UnitNameAction;
  unit_ids: string[];
  kind: UnitKind | null;
  decided_by?: string | null;
  version?: number;
  created_at?: Date;
  updated_at: Date;
}

export function toUnitNameDecisionModel(row: UnitNameAliasRow): UnitNameDecisionModel {
  return {
    id: row.id,
    name: row.name,
    action: row.action,
    unitIds: row.unit_ids ?? [],
    kind: row.kind ?? null,
    updatedAt: row.updated_at,
  };
}
