import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class SubmitReportInput {
  @Field({ description: '进展情况 (1–5000 characters)' })
  text!: string;

  @Field(() => Int, { description: 'Percent done, 0–100; 100 when claiming completion' })
  progress!: number;

  @Field({ defaultValue: false, description: 'The unit says the task is done (报完成)' })
  claimsCompletion!: boolean;

  @Field(() => [String], { defaultValue: [], description: 'http(s) URLs where the information was published (≤ 20)' })
  evidenceUrls!: string[];

  @Field(() => [ID], { defaultValue: [], description: 'Files this user uploaded with POST /files (≤ 10)' })
  fileIds!: string[];
}
