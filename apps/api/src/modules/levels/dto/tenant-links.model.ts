import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('LinkedTenant', { description: '上级或下级机构：只有名称和关联时间，看不到对方的任何业务数据' })
export class LinkedTenantModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Date, { nullable: true })
  linkedAt!: Date | null;
}

@ObjectType('TenantLinkInvite', { description: '上级机构发出的关联邀请（邀请码只在生成时显示一次）' })
export class TenantLinkInviteModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  expiresAt!: Date;
}

@ObjectType('TenantLinks', {
  description: '上下联动: the viewer tenant’s upper tenant, its lower tenants and its open invitations',
})
export class TenantLinksModel {
  @Field(() => LinkedTenantModel, { nullable: true })
  upper!: LinkedTenantModel | null;

  @Field(() => [LinkedTenantModel])
  lowers!: LinkedTenantModel[];

  @Field(() => [TenantLinkInviteModel], {
    description: 'Open invitations (not used, revoked or expired); office admin only, empty for others',
  })
  invites!: TenantLinkInviteModel[];
}

@ObjectType('TenantLinkInviteCreated')
export class TenantLinkInviteCreatedModel {
  @Field(() => TenantLinkInviteModel)
  invite!: TenantLinkInviteModel;

  @Field({ description: 'The one-time code, shown only now (only its hash is stored)' })
  code!: string;
}
