import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ControlStatus } from '@duban/domain';

export const ControlStatusEnum = { MET: 'MET', NOT_MET: 'NOT_MET', ADVISORY: 'ADVISORY' } as const;
registerEnumType(ControlStatusEnum, {
  name: 'ControlStatus',
  description:
    'MET; NOT_MET: off or weaker than level 3 expects; ADVISORY: not required by level 3, an assessor may ask',
});

@ObjectType('AssessedControl', { description: 'One 等保 level-3 control as this tenant has it now' })
export class AssessedControlModel {
  @Field({ description: 'Stable key, e.g. password-expiry' })
  key!: string;

  @Field({ description: 'The standard’s heading: 身份鉴别, 访问控制, 安全审计, …' })
  category!: string;

  @Field()
  name!: string;

  @Field({ description: 'How it is configured in this tenant now' })
  setting!: string;

  @Field({ description: 'Where an assessor sees it: the page or the command' })
  evidence!: string;

  @Field(() => ControlStatusEnum)
  status!: ControlStatus;

  @Field(() => String, { nullable: true, description: 'Why it falls short; null when met' })
  why!: string | null;
}

@ObjectType('SecurityAssessment', { description: '等保测评视图: every control, judged from the tenant’s state now' })
export class SecurityAssessmentModel {
  @Field()
  checkedAt!: Date;

  @Field(() => [AssessedControlModel])
  controls!: AssessedControlModel[];
}
