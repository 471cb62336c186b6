import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EVIDENCE_FLAG_CODES, type EvidenceFlagCode } from '../evidence-flags.js';

export const EvidenceFlagCodeEnum = Object.fromEntries(EVIDENCE_FLAG_CODES.map((c) => [c, c])) as {
  [K in EvidenceFlagCode]: K;
};
registerEnumType(EvidenceFlagCodeEnum, {
  name: 'EvidenceFlagCode',
  description: 'PAGE_NOT_REACHABLE 网页无法访问, PUBLISHED_AFTER_DEADLINE 发布晚于完成时限, NOT_CHECKED 尚未检查',
});

@ObjectType('EvidenceFlag', { description: '佐证网页检查提示：办公室审核前应查看' })
export class EvidenceFlagModel {
  @Field(() => EvidenceFlagCodeEnum)
  code!: EvidenceFlagCode;

  @Field(() => ID)
  evidenceId!: string;

  @Field()
  url!: string;

  @Field({ description: 'Chinese, shown as is' })
  message!: string;

  @Field(() => String, { nullable: true, description: 'LocalDate: the publication date the page states' })
  pageDate!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "LocalDate: the task's current due date (after approved delays)",
  })
  dueDate!: string | null;
}
