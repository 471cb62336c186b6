import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PublicPagePlan', { description: '工作要点的政务公开页面：是否向公众公开及其地址' })
export class PublicPagePlanModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  year!: number;

  @Field()
  title!: string;

  @Field({ description: 'The public page at `path` answers (the office turned it on)' })
  publicPage!: boolean;

  @Field({ description: 'Where the public page is, e.g. /gk/demo/2026 (by id when the year has several plans)' })
  path!: string;

  @Field(() => Int, { description: "The plan's version, for setPlanPublicPage" })
  version!: number;
}
