import { Field, ID, InputType } from '@nestjs/graphql';
import { TaskRoleEnum, type TaskRole } from '../../../common/enums.js';

@InputType()
export class UnitRoleInput {
  @Field(() => ID)
  unitId!: string;

  @Field(() => TaskRoleEnum)
  role!: TaskRole;
}

@InputType({ description: 'A change to a published key point; the reason goes into the record' })
export class AmendKeyPointInput {
  @Field(() => [UnitRoleInput], { nullable: true })
  addUnits?: UnitRoleInput[] | null;

  @Field(() => [ID], { nullable: true })
  removeUnitIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: "LocalDate YYYY-MM-DD: new due date for the key point's tasks not yet done",
  })
  dueDate?: string | null;

  @Field()
  reason!: string;
}
