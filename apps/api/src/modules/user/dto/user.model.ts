import { heldRoles } from '@duban/domain';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RoleEnum, type Role } from '../../../common/enums.js';
import { ConnectionType } from '../../../common/pagination.js';

/** A person of the tenant. The password hash never leaves the database layer. */
@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id!: string;

  @Field()
  username!: string;

  @Field()
  displayName!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => [RoleEnum], {
    description: 'Every role held: `role`, plus SECURITY_ADMIN for a system admin who holds it too',
  })
  roles!: Role[];

  @Field(() => ID, { nullable: true })
  unitId!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  wecomUserid!: string | null;

  @Field(() => String, { nullable: true })
  dingtalkUserid!: string | null;

  @Field()
  active!: boolean;

  @Field()
  mustChangePassword!: boolean;

  @Field({ description: 'Locked after too many wrong passwords (until lockedUntil)' })
  locked!: boolean;

  @Field({ description: 'Signs in with a TOTP code after the password' })
  twoFactorEnabled!: boolean;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'null: never signed in' })
  lastSignInAt!: Date | null;

  @Field(() => Int)
  version!: number;
}

export const UserConnection = ConnectionType(UserModel, 'UserConnection');

/** Explicit column list: SELECT * would carry password_hash into memory for no reason. */
export const userColumns = (
  a = 'app_user',
) => `${a}.id, ${a}.username, ${a}.display_name, ${a}.role, ${a}.security_admin, ${a}.unit_id, ${a}.email, ${a}.phone,
  ${a}.wecom_userid, ${a}.dingtalk_userid,
  ${a}.active, ${a}.must_change_password, (${a}.locked_until IS NOT NULL AND ${a}.locked_until > now()) AS locked, ${a}.created_at,
  EXISTS (SELECT 1 FROM user_totp t WHERE t.tenant_id = ${a}.tenant_id AND t.user_id = ${a}.id AND t.enabled_at IS NOT NULL) AS two_factor_enabled,
  ${a}.last_sign_in_at, ${a}.version`;
export const USER_COLUMNS = userColumns();

/** An `app_user` row as USER_COLUMNS returns it (never the password hash). */
export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  security_admin: boolean;
  unit_id: string | null;
  email: string | null;
  phone: string | null;
  wecom_userid: string | null;
  dingtalk_userid: string | null;
  active: boolean;
  must_change_password: boolean;
  locked: boolean;
  two_factor_enabled: boolean;
  created_at: Date;
  last_sign_in_at?: Date | null;
  version: number;
}

export function toUserModel(row: UserRow): UserModel {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    roles: heldRoles(row.role, row.security_admin),
    unitId: row.unit_id,
    email: row.email,
    phone: row.phone,
    wecomUserid: row.wecom_userid,
    dingtalkUserid: row.dingtalk_userid,
    active: row.active,
    mustChangePassword: row.must_change_password,
    locked: row.locked,
    twoFactorEnabled: row.two_factor_enabled,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at ?? null,
    version: row.version,
  };
}
