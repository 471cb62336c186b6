import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, notFound } from '../../../common/app-error.js';
import { personalData } from '../../../common/crypto/personal-data.js';
import { maskEmail, maskPhone } from '@duban/domain';
import { rows } from '../../../common/sql.js';
import type { AppConfig } from '../../../config/app-config.js';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { Viewer } from '../../../common/viewer.js';
import { IsolatedRunner } from '../../../isolation/isolated-runner.js';
import { AuditService } from '../../audit/index.js';
import { hashPassword, ONE_TIME_PASSWORD_HOURS, readablePassword, SecurityPolicyService } from '../../auth/index.js';
import { assertUnitsOfTenant, lockUnitDirectory, unitsWithout } from '../../unit/index.js';
import type { Role } from '../../../common/enums.js';
import type { ListedAccount } from './account-notices.js';
import {
  ACCOUNT_SHEET,
  planAccountImport,
  READ_ACCOUNT_SHEET_TASK,
  type AccountDraft,
  type AccountPlan,
  type AccountUnit,
  type ExistingPerson,
} from './account-import.planner.js';

/** A created account with its one-time first password: what a 开通通知 tells its person. */
export interface IssuedAccount {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  unitName: string | null;
  password: string;
}

export interface AccountImportResult {
  dryRun: boolean;
  created: number;
  exists: number;
  errors: number;
  rows: AccountPlan['rows'];
  /** Only after a real import: the new accounts and their first passwords, shown this once. */
  accounts: IssuedAccount[];
}

/**
 * Creates accounts in bulk (an account sheet, or a liaison for every unit without one), all or none,
 * each with a readable one-time password the person must change at first sign-in.
 */
@Injectable()
export class AccountIssueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly isolated: IsolatedRunner,
    private readonly policies: SecurityPolicyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The sheet is read in a worker thread (time and memory limits, zip entries checked before inflating). */
  async importSheet(
    viewer: Viewer,
    filename: string,
    bytes: Uint8Array,
    dryRun: boolean,
  ): Promise<AccountImportResult> {
    const sheet = await this.isolated.run(
      READ_ACCOUNT_SHEET_TASK,
      { filename, bytes, spec: ACCOUNT_SHEET },
      viewer.tenantId,
    );
    return this.dataSource.transaction(async (m) => {
      // Same lock as the directory: a unit cannot be deactivated or renamed under the check.
      await lockUnitDirectory(m, viewer.tenantId);
      const plan = planAccountImport(
        sheet,
        await this.units(m, viewer.tenantId),
        await this.people(m, viewer.tenantId),
      );
      const count = (a: string) => plan.rows.filter((r) => r.action === a).length;
      const result: AccountImportResult = {
        dryRun,
        created: count('CREATE'),
        exists: count('EXISTS'),
        errors: count('ERROR'),
        rows: plan.rows,
        accounts: [],
      };
      if (dryRun) return result;
      if (result.errors) throw badInput(`导入未执行：共 ${result.errors} 行有错误，请先修改表格`, 'file');
      result.accounts = await this.create(m, viewer, plan.drafts, 'import');
      return result;
    });
  }

  /** 一键开通: a liaison account for every active unit that has no active liaison. */
  async liaisonsForUncovered(viewer: Viewer, only: string[] | null): Promise<IssuedAccount[]> {
    return this.dataSource.transaction(async (m) => {
      await lockUnitDirectory(m, viewer.tenantId);
      if (only) await assertUnitsOfTenant(m, viewer.tenantId, only);
      const uncovered = (await unitsWithout(m, viewer.tenantId, 'UNIT_LIAISON')).filter(
        (u) => !only || only.includes(u.id),
      );
      if (!uncovered.length) return [];
      const plan = planAccountImport(
        uncovered.map((u, i) => ({
          row: i + 1,
          cells: { unit: u.name, displayName: `${u.name}联络员`, role: '联络员' },
        })),
        await this.units(m, viewer.tenantId),
        await this.people(m, viewer.tenantId),
      );
      // Every unit's own name: only a username clash could fail, and generated names never clash.
      return this.create(m, viewer, plan.drafts, 'liaisons');
    });
  }

  private async create(
    m: EntityManager,
    viewer: Viewer,
    drafts: AccountDraft[],
    source: string,
  ): Promise<IssuedAccount[]> {
    if (!drafts.length) return [];
    const policy = await this.policies.get(viewer.tenantId, m);
    const passwords = drafts.map(() => readablePassword(policy));
    // argon2 is the slow part (~30 ms each); a sheet of 120 takes a few seconds, run in parallel on the libuv pool.
    const hashes = await Promise.all(passwords.map((p) => hashPassword(p, this.config.passwordHash)));
    const people = personalData(this.config);
    // Ids made here: each phone and e-mail is encrypted bound to its row.
    const sealed = drafts.map((d, i) => {
      const id = randomUUID();
      return { ...d, id, hash: hashes[i], ...people.columns(viewer.tenantId, id, d) };
    });
    const created = await rows<{ id: string; username: string }>(
      m,
      `INSERT INTO app_user (tenant_id, id, username, display_name, role, unit_id, email, phone, email_index, phone_index, phone_mobile,
                             wecom_userid, dingtalk_userid, password_hash, must_change_password, password_expires_at)
       SELECT $1, d.id, d.username, d."displayName", d.role, d."unitId", d.email, d.phone, d.email_index, d.phone_index, d.phone_mobile,
              d."wecomUserid", d."dingtalkUserid", d.hash, true, now() + make_interval(hours => $3)
         FROM jsonb_to_recordset($2::jsonb)
           AS d(id uuid, username text, "displayName" text, role text, "unitId" uuid, email text, phone text, email_index text, phone_index text,
                phone_mobile boolean, "wecomUserid" text, "dingtalkUserid" text, hash text)
       RETURNING id, username`,
      [viewer.tenantId, JSON.stringify(sealed), ONE_TIME_PASSWORD_HOURS],
    );
    const ids = new Map(created.map((c) => [c.username, c.id]));
    await this.audit.record(
      m,
      viewer,
      drafts.map((d) => ({
        entityType: 'user',
        entityId: ids.get(d.username)!,
        action: `create.${source}`,
        after: {
          username: d.username,
          displayName: d.displayName,
          role: d.role,
          unitId: d.unitId,
          email: maskEmail(d.email),
          phone: maskPhone(d.phone),
          wecomUserid: d.wecomUserid,
          dingtalkUserid: d.dingtalkUserid,
          active: true,
        },
      })),
    );
    return drafts.map((d, i) => ({
      userId: ids.get(d.username)!,
      username: d.username,
      displayName: d.displayName,
      role: d.role,
      unitName: d.unitName,
      password: passwords[i],
    }));
  }

  private async units(m: EntityManager, tenantId: string): Promise<AccountUnit[]> {
    return rows<AccountUnit>(m, `SELECT id, name, aliases, active FROM unit WHERE tenant_id = $1`, [tenantId]);
  }

  private async people(m: EntityManager, tenantId: string): Promise<ExistingPerson[]> {
    return rows<ExistingPerson>(
      m,
      `SELECT username, display_name AS "displayName", role, unit_id AS "unitId" FROM app_user WHERE tenant_id = $1`,
      [tenantId],
    );
  }

  /** Every account of the tenant, by unit then name (the account list export: a file leaves Duban, so phone and e-mail are masked). */
  async listAll(viewer: Viewer): Promise<ListedAccount[]> {
    const found = await rows<ListedAccount & { id: string }>(
      this.dataSource,
      `SELECT u.id, un.name AS "unitName", u.display_name AS "displayName", u.role, u.username, u.phone, u.email, u.active, u.last_sign_in_at AS "lastSignInAt"
         FROM app_user u LEFT JOIN unit un ON un.tenant_id = u.tenant_id AND un.id = u.unit_id
        WHERE u.tenant_id = $1 ORDER BY un.sort NULLS FIRST, un.name NULLS FIRST, u.role, u.display_name`,
      [viewer.tenantId],
    );
    const people = personalData(this.config);
    return found.map(({ id, ...a }) => ({
      ...a,
      phone: maskPhone(people.open(viewer.tenantId, id, 'phone', a.phone)),
      email: maskEmail(people.open(viewer.tenantId, id, 'email', a.email)),
    }));
  }

  /** The accounts a 开通通知 is asked for: real, of this tenant, and still on their first password. */
  async noticeRecipients(viewer: Viewer, accounts: { userId: string; password: string }[]) {
    if (!Array.isArray(accounts) || !accounts.length || accounts.length > 2000)
      throw badInput('请提供 1 到 2000 个账号', 'accounts');
    const ids = accounts.map((a) => a.userId);
    if (ids.some((id) => typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)))
      throw badInput('账号无效', 'accounts');
    if (accounts.some((a) => typeof a.password !== 'string' || a.password.length > 128))
      throw badInput('密码无效', 'accounts');
    const found = await rows<{
      id: string;
      username: string;
      display_name: string;
      role: Role;
      unit_name: string | null;
      must_change_password: boolean;
      code: string;
      tenant_name: string;
    }>(
      this.dataSource,
      `SELECT u.id, u.username, u.display_name, u.role, un.name AS unit_name, u.must_change_password, t.code, t.name AS tenant_name
         FROM app_user u JOIN tenant t ON t.id = u.tenant_id LEFT JOIN unit un ON un.tenant_id = u.tenant_id AND un.id = u.unit_id
        WHERE u.tenant_id = $1 AND u.id = ANY($2::uuid[]) ORDER BY un.sort NULLS FIRST, un.name NULLS FIRST, u.username`,
      [viewer.tenantId, ids],
    );
    if (found.length !== new Set(ids).size) throw notFound('账号');
    const changed = found.find((u) => !u.must_change_password);
    if (changed) throw badInput(`账号 ${changed.username} 已修改过初始密码，请为其重置密码后再生成通知`, 'accounts');
    const password = new Map(accounts.map((a) => [a.userId, a.password]));
    return found.map((u) => ({
      username: u.username,
      displayName: u.display_name,
      role: u.role,
      unitName: u.unit_name,
      password: password.get(u.id)!,
      tenantCode: u.code,
      tenantName: u.tenant_name,
    }));
  }
}
