import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { UnitKind } from '../unit-kinds.js';
import type { UnitPersonRole } from '../unit-people.js';
import { UnitKindEnum, UnitPersonRoleEnum } from './unit.model.js';

@InputType()
export class UnitFilterInput {
  @Field({ nullable: true, description: 'Part of the name or of an alias' })
  search?: string;

  @Field(() => UnitKindEnum, { nullable: true })
  kind?: UnitKind;

  @Field({ nullable: true })
  active?: boolean;

  @Field(() => UnitPersonRoleEnum, { nullable: true, description: 'Only units with no active account of this role' })
  without?: UnitPersonRole;
}

@InputType()
export class CreateUnitInput {
  @Field()
  name!: string;

  @Field(() => UnitKindEnum)
  kind!: UnitKind;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => [String], { nullable: true })
  aliases?: string[];

  @Field(() => Int, { nullable: true })
  sort?: number;
}

/** Only the fields given change; parentId: null detaches the unit from its parent. */
@InputType()
export class UpdateUnitInput {
  @Field({ nullable: true })
  name?: string;

  @Field(() => UnitKindEnum, { nullable: true })
  kind?: UnitKind;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => [String], { nullable: true })
  aliases?: string[];

  @Field({
    nullable: true,
    description: 'false deactivates (停用) the unit: it stays in history but gets no new tasks',
  })
  active?: boolean;

  @Field(() => Int, { nullable: true })
  sort?: number;
}
