import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ROLES, type Role } from '../../user/user.entity.js';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as { [K in Role]: K };
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'OFFICE_ADMIN 政务公开办管理员, OFFICE_STAFF 工作人员, UNIT_LIAISON 联络员, UNIT_LEADER 分管领导, LEADERSHIP 领导',
});

@ObjectType({ description: 'The signed-in person' })
export class ViewerModel {
  @Field(() => ID)
  id!: string;

  @Field()
  username!: string;

  @Field()
  displayName!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => ID)
  tenantId!: string;

  @Field()
  tenantName!: string;

  @Field({ description: 'The tenant is the demo (演示) tenant: invented data, marked as such in the web app' })
  tenantDemo!: boolean;

  @Field(() => ID, { nullable: true })
  unitId!: string | null;

  @Field(() => String, { nullable: true })
  unitName!: string | null;

  @Field({ description: 'Send as the X-CSRF-Token header on every mutation' })
  csrfToken!: string;

  @Field()
  mustChangePassword!: boolean;
}
