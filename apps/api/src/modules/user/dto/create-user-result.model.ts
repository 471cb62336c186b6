import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RoleEnum, type Role } from '../../../common/enums.js';
import { UserModel } from './user.model.js';

@ObjectType('CreateUserResult')
export class CreateUserResultModel {
  @Field(() => UserModel)
  user!: UserModel;

  @Field(() => String, {
    nullable: true,
    description: 'The generated initial password, shown this once; null when the admin chose one',
  })
  generatedPassword!: string | null;
}

@ObjectType('IssuedAccount', { description: 'A new account and its one-time first password, for the 开通通知' })
export class IssuedAccountModel {
  @Field(() => ID)
  userId!: string;

  @Field()
  username!: string;

  @Field()
  displayName!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => String, { nullable: true })
  unitName!: string | null;

  @Field()
  password!: string;
}
