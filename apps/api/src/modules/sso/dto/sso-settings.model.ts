import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RoleEnum, type Role } from '../../../common/enums.js';
import { SSO_MATCH_FIELDS, type SsoMatchField } from '../sso-settings.js';

export const SsoMatchFieldEnum = Object.fromEntries(SSO_MATCH_FIELDS.map((f) => [f, f])) as Record<
  SsoMatchField,
  SsoMatchField
>;
registerEnumType(SsoMatchFieldEnum, {
  name: 'SsoMatchField',
  description: 'The account field the claim is compared with: USERNAME 用户名, PHONE 手机号, EMAIL 邮箱',
});

@ObjectType({ description: 'The tenant’s 统一身份认证 (OpenID Connect) settings; the client secret is never returned' })
export class SsoSettingsModel {
  @Field()
  enabled!: boolean;

  @Field({ description: 'The provider’s issuer URL (its discovery document is at /.well-known/openid-configuration)' })
  issuer!: string;

  @Field()
  clientId!: string;

  @Field(() => String, { nullable: true, description: 'The stored client secret, masked; null when none is stored' })
  clientSecretMasked!: string | null;

  @Field({ description: 'The ID token or userinfo claim that names the Duban account' })
  claim!: string;

  @Field(() => SsoMatchFieldEnum)
  matchField!: SsoMatchField;

  @Field({ description: 'Passwords stay allowed alongside single sign-on' })
  passwordAllowed!: boolean;

  @Field({ description: 'A first sign-in without a matching account creates one (default role, no unit)' })
  createUsers!: boolean;

  @Field(() => RoleEnum)
  defaultRole!: Role;

  @Field({ description: 'The redirect URI to register at the provider' })
  redirectUri!: string;

  @Field(() => Int, { description: '0 while nothing is stored' })
  version!: number;
}

@InputType()
export class UpdateSsoSettingsInput {
  @Field()
  enabled!: boolean;

  @Field()
  issuer!: string;

  @Field()
  clientId!: string;

  @Field(() => String, { nullable: true, description: 'Empty or absent keeps the stored secret' })
  clientSecret?: string | null;

  @Field()
  claim!: string;

  @Field(() => SsoMatchFieldEnum)
  matchField!: SsoMatchField;

  @Field()
  passwordAllowed!: boolean;

  @Field()
  createUsers!: boolean;

  @Field(() => RoleEnum)
  defaultRole!: Role;

  @Field(() => Int, { description: 'The version read with ssoSettings (0 the first time)' })
  version!: number;
}

@ObjectType({
  description: 'How the people of a tenant sign in (public: the sign-in page asks once the 机构代码 is typed)',
})
export class SignInOptionsModel {
  @Field({ description: 'The 统一身份认证 button is shown' })
  sso!: boolean;

  @Field()
  passwordAllowed!: boolean;
}
