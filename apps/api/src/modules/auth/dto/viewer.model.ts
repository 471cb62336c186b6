import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RoleEnum, type Role } from '../../../common/enums.js';

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

  @Field(() => [RoleEnum], {
    description: 'Every role held (三员分立: a system admin may hold the security admin’s too)',
  })
  roles!: Role[];

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

  @Field(() => String, {
    nullable: true,
    description: 'Signed in through the 统一身份认证 platform: after signOut, this path offers the provider’s logout',
  })
  ssoLogoutPath!: string | null;

  @Field({
    description: 'The password is older than the tenant’s policy allows: it must be changed before anything else',
  })
  passwordExpired!: boolean;

  @Field({ description: 'The tenant’s password rule in words, for the change-password form' })
  passwordRule!: string;

  @Field(() => Int, {
    description: 'The session ends after this many minutes without a request (background polling does not count)',
  })
  sessionIdleMinutes!: number;

  @Field({ description: 'Signs in with a TOTP code after the password' })
  twoFactorEnabled!: boolean;

  @Field({ description: 'The tenant requires two-factor for this role and it is not set up: only enrolment is served' })
  mustEnrolTwoFactor!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      '防泄漏: whom the page watermark names (name and username; the web adds the day in Shanghai); null when the tenant has it off',
  })
  watermark!: string | null;
}
