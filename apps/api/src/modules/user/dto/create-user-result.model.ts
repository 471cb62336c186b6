import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from './user.model.js';

@ObjectType('CreateUserResult')
export class CreateUserResultModel {
  @Field(() => UserModel)
  user!: UserModel;

  @Field(() => String, { nullable: true, description: 'The generated initial password, shown this once; null when the admin chose one' })
  generatedPassword!: string | null;
}
