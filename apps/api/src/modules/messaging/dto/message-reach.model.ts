import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('PersonReach')
export class PersonReachModel {
  @Field()
  name!: string;

  @Field({ description: "The person's Role (UNIT_LIAISON, UNIT_LEADER, …)" })
  role!: string;

  @Field(() => [String], { description: 'IN_APP always, then EMAIL / WECOM / DINGTALK as this person gets this kind' })
  channels!: string[];
}

@ObjectType('UnitReach')
export class UnitReachModel {
  @Field(() => ID)
  unitId!: string;

  @Field()
  unitName!: string;

  @Field(() => [PersonReachModel], { description: 'Empty: nobody at this unit can receive the message' })
  people!: PersonReachModel[];
}

@ObjectType('MessageReach', {
  description: 'Who a message to these units will reach, and through what (before sending)',
})
export class MessageReachModel {
  @Field(() => [UnitReachModel])
  units!: UnitReachModel[];

  @Field(() => [String], { description: 'Units with no account that can receive it, by name' })
  unreachableUnitNames!: string[];

  @Field(() => [String], { description: 'Group robots that will announce it' })
  robotNames!: string[];
}
