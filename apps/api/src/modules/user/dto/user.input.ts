import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { RoleEnum, type Role } from '../../../common/enums.js';

export const USER_SORTS = ['USERNAME', 'DISPLAY_NAME', 'ROLE', 'UNIT', 'LAST_SIGN_IN'] as const;
export type UserSort = (typeof USER_SORTS)[number];
export const UserSortEnum = Object.fromEntries(USER_SORTS.map((k) => [k, k])) as { [K in UserSort]: K };
registerEnumType(UserSortEnum, { name: 'UserSort', description: 'Account list order (ties by username)' });

@InputType()
export class UserFilterInput {
  @Field({
    nullable: true,
    description:
      "Part of the username, display name, or of the unit's name or alias; or a whole phone number or e-mail address (found by their blind index)",
  })
  search?: string;

  @Field({ nullable: true, description: 'true: only accounts that have never signed in' })
  neverSignedIn?: boolean;

  @Field(() => RoleEnum, { nullable: true })
  role?: Role;

  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field({ nullable: true })
  active?: boolean;
}

/** How a person is reached: shared by creating and changing a user. */
@InputType({ isAbstract: true })
abstract class UserContactInput {
  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '手机: a mainland mobile number here also finds the person on 企业微信 and 钉钉',
  })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: '企业微信 userid (账号) for application messages' })
  wecomUserid?: string | null;

  @Field(() => String, { nullable: true, description: '钉钉 userid for work notifications' })
  dingtalkUserid?: string | null;
}

@InputType()
export class CreateUserInput extends UserContactInput {
  @Field()
  username!: string;

  @Field()
  displayName!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => ID, {
    nullable: true,
    description: 'Required for UNIT_LIAISON and UNIT_LEADER, empty for the other roles',
  })
  unitId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'A system admin (OFFICE_ADMIN) who also holds the security admin’s duties; granted by a security admin',
  })
  securityAdmin?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Initial password; when empty one is generated and returned once',
  })
  password?: string | null;
}

/** Only the fields given change. */
@InputType()
export class UpdateUserInput extends UserContactInput {
  @Field({ nullable: true })
  displayName?: string;

  @Field(() => RoleEnum, { nullable: true })
  role?: Role;

  @Field(() => Boolean, {
    nullable: true,
    description: 'A system admin who also holds the security admin’s duties (only with role OFFICE_ADMIN)',
  })
  securityAdmin?: boolean | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  @Field({ nullable: true, description: 'false deactivates the account and signs it out everywhere' })
  active?: boolean;
}
