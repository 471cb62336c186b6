import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, forbidden, notFound } from '../../common/app-error.js';
import { personalData, type PersonalData } from '../../common/crypto/personal-data.js';
import { personalFor } from '../../common/crypto/personal-mask.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { decodeCursor, encodeCursor, pageSize, type Connection } from '../../common/pagination.js';
import { one, rows } from '../../common/sql.js';
import { TenantEvents } from '../../common/tenant-events.js';
import { lockForUpdate } from '../../common/version.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import {
  hashPassword,
  ONE_TIME_PASSWORD_HOURS,
  readablePassword,
  SecurityPolicyService,
  SessionService,
} from '../auth/index.js';
import type { CreateUserResultModel } from './dto/create-user-result.model.js';
import {
  USER_SORTS,
  type CreateUserInput,
  type UpdateUserInput,
  type UserFilterInput,
  type UserSort,
} from './dto/user.input.js';
import { USER_COLUMNS, userColumns, type UserModel, type UserRow } from './dto/user.model.js';
import { unmaskedInput, userModelFor, wholeUserModel } from './user-personal.js';
import {
  checkDingtalkUserid,
  checkDisplayName,
  checkEmail,
  checkPhone,
  checkUsername,
  checkWecomUserid,
} from './user-fields.js';
import { ROLES, UNIT_ROLES, type Role } from '../../common/enums.js';
import { accountManagerRefusal, heldRoles, maskEmail, maskPhone, roleGrantRefusal } from '@duban/domain';
import { rolesOf } from '../../common/viewer.js';
import { isUuid } from '../../common/validation.js';

const AUDITED = (u: UserModel) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  roles: u.roles,
  unitId: u.unitId,
  // The audit log is read by the auditor, who has no need of the whole number.
  email: maskEmail(u.email),
  phone: maskPhone(u.phone),
  wecomUserid: u.wecomUserid,
  dingtalkUserid: u.dingtalkUserid,
  active: u.active,
});

/** Only a system admin can hold the security admin's duties too; a security admin's own role implies them. */
function grantedSecurityAdmin(role: Role, requested: boolean): boolean {
  if (requested && role !== 'OFFICE_ADMIN' && role !== 'SECURITY_ADMIN')
    throw badInput('只有系统管理员（政务公开办管理员）可以兼任安全管理员', 'securityAdmin');
  return role === 'OFFICE_ADMIN' && requested;
}

const ACCOUNT_FIELDS = ['displayName', 'unitId', 'email', 'phone', 'active', 'wecomUserid', 'dingtalkUserid'] as const;
/** Whether the update changes anything of the account besides its roles (the form sends every field). */
const changesAccount = (before: UserModel, input: UpdateUserInput) =>
  ACCOUNT_FIELDS.some((key) => input[key] !== undefined && (input[key] ?? null) !== (before[key] ?? null));

@Injectable()
export class UserService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    private readonly events: TenantEvents,
    private readonly policies: SecurityPolicyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.people = personalData(config);
  }

  private readonly people: PersonalData;

  /**
   * A page of the tenant's people in the chosen order (ties by username, unique per tenant). The list is
   * a few hundred rows per tenant, so the cursor is the offset.
   */
  async list(
    viewer: Viewer,
    filter: UserFilterInput = {},
    first?: number | null,
    after?: string | null,
    sort: UserSort = 'USERNAME',
    descending = false,
  ): Promise<Connection<UserModel>> {
    const limit = pageSize(first);
    const offset = Number(decodeCursor(after, 1)?.[0] ?? 0);
    if (!Number.isInteger(offset) || offset < 0) throw badInput('分页游标无效，请刷新后重试', 'after');
    if (!USER_SORTS.includes(sort)) throw badInput('排序方式无效', 'sort');
    const params: unknown[] = [viewer.tenantId];
    const where = ['a.tenant_id = $1'];
    const search = filter.search?.trim();
    if (search) {
      if (search.length > 64) throw badInput('搜索词不能超过 64 个字', 'search');
      params.push(`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const p = `$${params.length}`;
      // Phone and e-mail are encrypted: found by their blind index, so by the whole number or address.
      params.push(
        this.people.index(viewer.tenantId, 'phone', search),
        this.people.index(viewer.tenantId, 'email', search),
      );
      where.push(
        `(a.username ILIKE ${p} OR a.display_name ILIKE ${p} OR a.phone_index = $${params.length - 1} OR a.email_index = $${params.length} OR un.name ILIKE ${p} OR EXISTS (SELECT 1 FROM unnest(un.aliases) al WHERE al ILIKE ${p}))`,
      );
    }
    if (filter.role) {
      params.push(filter.role);
      // A system admin who holds the security duties too is listed among the security admins.
      where.push(`(a.role = $${params.length} OR ($${params.length} = 'SECURITY_ADMIN' AND a.security_admin))`);
    }
    if (filter.unitId) {
      if (!isUuid(filter.unitId))
        return { nodes: [], pageInfo: { endCursor: null, hasNextPage: false }, totalCount: 0 };
      params.push(filter.unitId);
      where.push(`a.unit_id = $${params.length}`);
    }
    if (filter.active != null) {
      params.push(filter.active);
      where.push(`a.active = $${params.length}`);
    }
    if (filter.neverSignedIn) where.push('a.last_sign_in_at IS NULL');
    const from = `app_user a LEFT JOIN unit un ON un.tenant_id = a.tenant_id AND un.id = a.unit_id WHERE ${where.join(' AND ')}`;
    const total = await one<{ n: number }>(this.dataSource, `SELECT count(*)::int AS n FROM ${from}`, params);
    const dir = descending ? 'DESC' : 'ASC';
    const order = {
      USERNAME: `a.username ${dir}`,
      DISPLAY_NAME: `a.display_name ${dir}`,
      ROLE: `a.role ${dir}`,
      UNIT: `un.sort ${dir} NULLS FIRST, un.name ${dir} NULLS FIRST`,
      LAST_SIGN_IN: `a.last_sign_in_at ${dir} NULLS FIRST`,
    }[sort];
    const found = await rows<UserRow>(
      this.dataSource,
      `SELECT ${userColumns('a')} FROM ${from} ORDER BY ${order}, a.username LIMIT ${limit + 1} OFFSET ${offset}`,
      params,
    );
    const nodes = found.slice(0, limit).map(userModelFor(viewer, this.people));
    return {
      nodes,
      totalCount: total!.n,
      pageInfo: {
        hasNextPage: found.length > limit,
        endCursor: nodes.length ? encodeCursor([offset + nodes.length]) : null,
      },
    };
  }

  async create(viewer: Viewer, input: CreateUserInput): Promise<CreateUserResultModel> {
    const username = checkUsername(input.username);
    const displayName = checkDisplayName(input.displayName);
    const email = checkEmail(input.email);
    const phone = checkPhone(input.phone);
    const contacts = [checkWecomUserid(input.wecomUserid), checkDingtalkUserid(input.dingtalkUserid)];
    if (!ROLES.includes(input.role)) throw badInput('角色无效', 'role');
    const securityAdmin = grantedSecurityAdmin(input.role, input.securityAdmin ?? false);
    const refusal = roleGrantRefusal(rolesOf(viewer), false, [], heldRoles(input.role, securityAdmin));
    if (refusal) throw forbidden(refusal);
    const chosen = input.password || null;
    if (chosen)
      await this.policies.checkNewPassword(
        this.dataSource,
        viewer.tenantId,
        { id: null, username },
        chosen,
        'password',
      );
    const password = chosen ?? readablePassword(await this.policies.get(viewer.tenantId));
    const passwordHash = await hashPassword(password, this.config.passwordHash);
    const id = randomUUID();
    const personal = this.people.columns(viewer.tenantId, id, { phone, email });
    const user = await this.dataSource.transaction(async (m) => {
      const unitId = await this.checkUnitForRole(m, viewer.tenantId, input.role, input.unitId ?? null, null);
      // Usernames differing only in case would be indistinguishable when read aloud or typed.
      const taken = await one<{ '?column?': number }>(
        m,
        `SELECT 1 FROM app_user WHERE tenant_id = $1 AND lower(username) = lower($2)`,
        [viewer.tenantId, username],
      );
      if (taken) throw badInput(`用户名“${username}”已被使用`, 'username');
      let row;
      try {
        row = await one<UserRow>(
          m,
          `INSERT INTO app_user (tenant_id, username, display_name, role, unit_id, email, phone, password_hash, must_change_password, password_expires_at, wecom_userid, dingtalk_userid, security_admin,
                                 id, email_index, phone_index, phone_mobile)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true, now() + make_interval(hours => $9), $10, $11, $12, $13, $14, $15, $16) RETURNING ${USER_COLUMNS}`,
          [
            viewer.tenantId,
            username,
            displayName,
            input.role,
            unitId,
            personal.email,
            personal.phone,
            passwordHash,
            ONE_TIME_PASSWORD_HOURS,
            ...contacts,
            securityAdmin,
            id,
            personal.email_index,
            personal.phone_index,
            personal.phone_mobile,
          ],
        );
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw badInput(`用户名“${username}”已被使用`, 'username');
        throw error;
      }
      const created = wholeUserModel(viewer.tenantId, this.people, row!);
      await this.audit.record(m, viewer, {
        entityType: 'user',
        entityId: created.id,
        action: 'create',
        after: AUDITED(created),
      });
      return created;
    });
    return { user: personalFor(viewer, user.id, user), generatedPassword: chosen ? null : password };
  }

  async update(viewer: Viewer, id: string, version: number, sent: UpdateUserInput): Promise<UserModel> {
    if (!isUuid(id)) throw notFound('用户');
    for (const key of ['displayName', 'role', 'active', 'securityAdmin'] as const) {
      if (sent[key] === null) throw badInput('该项不能为空', key);
    }
    const updated = await this.dataSource.transaction(async (m) => {
      await lockForUpdate(m, 'app_user', viewer.tenantId, id, version, '用户');
      const before = wholeUserModel(
        viewer.tenantId,
        this.people,
        (await one<UserRow>(m, `SELECT ${USER_COLUMNS} FROM app_user WHERE tenant_id = $1 AND id = $2`, [
          viewer.tenantId,
          id,
        ]))!,
      );
      const input = unmaskedInput(sent, before);
      const role = input.role ?? before.role;
      if (!ROLES.includes(role)) throw badInput('角色无效', 'role');
      const securityAdmin = grantedSecurityAdmin(
        role,
        input.securityAdmin ?? (role === 'OFFICE_ADMIN' && before.roles.includes('SECURITY_ADMIN')),
      );
      const self = id === viewer.userId;
      const duty =
        roleGrantRefusal(rolesOf(viewer), self, before.roles, heldRoles(role, securityAdmin)) ??
        (changesAccount(before, input) ? accountManagerRefusal(rolesOf(viewer), before.roles) : null);
      if (duty) throw forbidden(duty);
      if (self && input.active === false) throw forbidden('不能停用自己的账户');
      // Moving to an office or leadership role drops the unit; a unit role keeps its unit unless a new one is given.
      const requested = input.unitId !== undefined ? input.unitId : UNIT_ROLES.includes(role) ? before.unitId : null;
      const unitId =
        requested === before.unitId && role === before.role
          ? before.unitId
          : await this.checkUnitForRole(m, viewer.tenantId, role, requested, before.unitId);
      const personal = this.people.columns(viewer.tenantId, id, {
        email: input.email !== undefined ? checkEmail(input.email) : before.email,
        phone: input.phone !== undefined ? checkPhone(input.phone) : before.phone,
      });
      const row = await one<UserRow>(
        m,
        `UPDATE app_user SET display_name = $3, role = $4, unit_id = $5, email = $6, phone = $7, active = $8,
                wecom_userid = $9, dingtalk_userid = $10, security_admin = $11, email_index = $12, phone_index = $13, phone_mobile = $14,
                version = version + 1, updated_at = now()
          WHERE tenant_id = $1 AND id = $2 RETURNING ${USER_COLUMNS}`,
        [
          viewer.tenantId,
          id,
          input.displayName != null ? checkDisplayName(input.displayName) : before.displayName,
          role,
          unitId,
          personal.email,
          personal.phone,
          input.active ?? before.active,
          input.wecomUserid !== undefined ? checkWecomUserid(input.wecomUserid) : before.wecomUserid,
          input.dingtalkUserid !== undefined ? checkDingtalkUserid(input.dingtalkUserid) : before.dingtalkUserid,
          securityAdmin,
          personal.email_index,
          personal.phone_index,
          personal.phone_mobile,
        ],
      );
      const updated = wholeUserModel(viewer.tenantId, this.people, row!);
      const action =
        before.active && !updated.active ? 'deactivate' : !before.active && updated.active ? 'activate' : 'update';
      await this.audit.record(m, viewer, {
        entityType: 'user',
        entityId: id,
        action,
        before: AUDITED(before),
        after: AUDITED(updated),
      });
      return { before, after: updated };
    });
    const after = updated.after;
    // Signed-out everywhere only once the deactivation is committed (sessions check `active` anyway).
    if (!after.active) await this.sessions.destroyAllOf(viewer.tenantId, id);
    const { before } = updated;
    if (
      before.role === 'UNIT_LEADER' &&
      before.active &&
      before.unitId &&
      (after.role !== 'UNIT_LEADER' || !after.active || after.unitId !== before.unitId)
    ) {
      await this.events.emit('leadersChanged', { viewer, unitIds: [before.unitId] });
    }
    return personalFor(viewer, id, after);
  }

  /** A unit user belongs to exactly one active unit of the tenant; the other roles to none. */
  private async checkUnitForRole(
    m: EntityManager,
    tenantId: string,
    role: Role,
    unitId: string | null,
    currentUnitId: string | null,
  ): Promise<string | null> {
    if (!UNIT_ROLES.includes(role)) {
      if (unitId) throw badInput('只有联络员和分管领导需要所属单位', 'unitId');
      return null;
    }
    if (!unitId) throw badInput('联络员和分管领导须选择所属单位', 'unitId');
    if (!isUuid(unitId)) throw badInput('所属单位不存在', 'unitId');
    const unit = await one<{ active: boolean }>(m, `SELECT active FROM unit WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      unitId,
    ]);
    if (!unit) throw badInput('所属单位不存在', 'unitId');
    if (!unit.active && unitId !== currentUnitId) throw badInput('所属单位已停用', 'unitId');
    return unitId;
  }
}
