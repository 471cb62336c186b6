import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class SignInInput {
  @Field({ description: '机构代码 (tenant code)' })
  tenantCode!: string;

  @Field()
  username!: string;

  @Field()
  password!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The authenticator’s 6-digit code or a recovery code, when the answer asked for it (TOTP_REQUIRED)',
  })
  totpCode?: string | null;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  currentPassword!: string;

  @Field()
  newPassword!: string;
}
