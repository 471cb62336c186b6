import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { RoleEnum, type Role } from '../../../common/enums.js';

@ObjectType({ description: 'The tenant’s 身份鉴别 policy (等保 2.0): passwords and sessions' })
export class SecurityPolicyModel {
  @Field(() => Int)
  passwordMinLength!: number;

  @Field(() => Int, { description: 'How many of lower case, upper case, digits and symbols a password mixes (2–4)' })
  passwordMinClasses!: number;

  @Field(() => Int, { description: 'A new password may not repeat the current one or any of this many before it' })
  passwordHistory!: number;

  @Field(() => Int, { description: 'Days before a password must be changed at the next sign-in; 0 = never' })
  passwordMaxAgeDays!: number;

  @Field(() => Int)
  sessionIdleMinutes!: number;

  @Field(() => Int, { description: 'A session ends this many hours after sign-in, however busy' })
  sessionMaxHours!: number;

  @Field(() => [RoleEnum], { description: 'Roles that sign in with a TOTP code after the password (not via SSO)' })
  twoFactorRoles!: Role[];

  @Field({ description: '防泄漏: a watermark with the viewer’s name and the date on every page and export footer' })
  watermark!: boolean;

  @Field({ description: 'The password rule in words, as users read it' })
  passwordRule!: string;

  @Field(() => Int, { description: '0 while the tenant has the defaults' })
  version!: number;
}

@InputType()
export class UpdateSecurityPolicyInput {
  @Field(() => Int)
  passwordMinLength!: number;

  @Field(() => Int)
  passwordMinClasses!: number;

  @Field(() => Int)
  passwordHistory!: number;

  @Field(() => Int)
  passwordMaxAgeDays!: number;

  @Field(() => Int)
  sessionIdleMinutes!: number;

  @Field(() => Int)
  sessionMaxHours!: number;

  @Field(() => [RoleEnum])
  twoFactorRoles!: Role[];

  @Field(() => Boolean, { nullable: true, description: 'Left out: the current setting stays' })
  watermark?: boolean | null;

  @Field(() => Int)
  version!: number;
}
