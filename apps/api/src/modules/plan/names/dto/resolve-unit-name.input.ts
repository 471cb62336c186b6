import { Field, ID, InputType } from '@nestjs/graphql';
import { UnitKindEnum, type UnitKind } from '../../../unit/index.js';
import type { UnitNameAction } from '../unit-name-decision.js';
import { UnitNameActionEnum } from './unit-name.model.js';

@InputType({ description: 'What a unit name means, for every key point of the draft that names it' })
export class ResolveUnitNameInput {
  @Field({ description: 'The name as written' })
  name!: string;

  @Field(() => UnitNameActionEnum)
  action!: UnitNameAction;

  @Field(() => [ID], { nullable: true, description: 'UNITS: one or more units' })
  unitIds?: string[] | null;

  @Field(() => UnitKindEnum, { nullable: true, description: 'KIND: every active unit of this kind' })
  kind?: UnitKind | null;
}
