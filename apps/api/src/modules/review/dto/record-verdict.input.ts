import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { ReviewVerdict } from '@duban/domain';
import { ReviewVerdictEnum } from './review-enums.js';

@InputType({ description: '整改: the new time limit and what the unit must do' })
export class RectificationInput {
  @Field(() => String, { description: 'LocalDate YYYY-MM-DD, after today' })
  dueDate!: string;

  @Field(() => String, { description: '整改要求' })
  requirement!: string;
}

@InputType()
export class RecordVerdictInput {
  @Field(() => ID)
  itemId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => ReviewVerdictEnum)
  verdict!: ReviewVerdict;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => [String], { nullable: true, description: 'http(s) pages where the work is published' })
  evidenceUrls?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Uploaded evidence files (POST /files)' })
  fileIds?: string[] | null;

  @Field(() => RectificationInput, { nullable: true, description: 'Required for PARTIAL and NOT_IMPLEMENTED' })
  rectification?: RectificationInput | null;
}

@InputType()
export class OpenReviewInput {
  @Field(() => ID)
  planId!: string;

  @Field(() => String, { nullable: true, description: 'Defaults to “{year}年政务公开工作要点落实情况回头看”' })
  title?: string | null;
}
