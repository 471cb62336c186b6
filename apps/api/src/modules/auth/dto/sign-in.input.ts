import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class SignInInput {
  @Field({ description: '机构代码 (tenant code)' })
  tenantCode!: string;

  @Field()
  username!: string;

  @Field()
  password!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  currentPassword!: string;

  @Field()
  newPassword!: string;
}
