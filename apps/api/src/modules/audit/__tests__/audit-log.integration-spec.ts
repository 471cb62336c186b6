import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, TEST_PASSWORD, type TestTenant } from '../../../../test/factory.js';
import { download } from '../../../../test/download.js';
import { until } from '../../../../test/until.js';
import { MAX_FAILED_SIGN_INS } from '../../auth/auth.service.js';
import { AuditLogService } from '../audit-log.service.js';
import { AuditService } from '../audit.service.js';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id } }`;
const AUDIT_LOG = `query($filter: AuditLogFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { seq at actorId actorName action entityType entityId result ip userAgent after }
  }
}`;
const CHAIN = `{ auditChainCheck { ok verified unchained lastSeq pending firstBreak { seq reason id } } }`;

describe('安全审计: what is recorded, the auditor’s reading, the chain', () => {
  let t: TestApp;
  let f: Factory;
  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
  });
  afterAll(() => t.close());

  const records = async (tenantId: string, action: string) =>
    (
      await t.db.query(
        `SELECT actor_id, entity_type, entity_id, result, ip, user_agent, after, note, seq, mac FROM audit_log
          WHERE tenant_id = $1 AND action = $2 ORDER BY id`,
        [tenantId, action],
      )
    ).rows;
  // What the auditor's check does: seal what is pending, then recompute the chain.
  const check = (tenantId: string) => t.app.get(AuditLogService).checkChain({ tenantId });
  /** Runs SQL as a database administrator would, with the append-only trigger silenced. */
  const asDatabaseAdmin = async (sql: string, params: unknown[]) => {
    const admin = await t.db.connect();
    try {
      await admin.query('BEGIN');
      await admin.query(`SET LOCAL session_replication_role = replica`);
      await admin.query(sql, params);
      await admin.query('COMMIT');
    } finally {
      admin.release();
    }
  };

  it('records sign-in failures with who, from where and why, the lock they cause, success and sign-out', async () => {
    const tenant = await f.tenant();
    const user = await f.user(tenant, 'OFFICE_STAFF');
    const attempt = (username: string, password: string) =>
      t.http
        .post('/graphql')
        .set('User-Agent', 'AuditTest/1.0')
        .send({ query: SIGN_IN, variables: { input: { tenantCode: tenant.code, username, password } } });
    expect(errorCode((await attempt('nobody', 'x')).body)).toBe('UNAUTHENTICATED');
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await attempt(user.username, 'wrong-password');

    const failures = await records(tenant.id, 'sign_in');
    expect(failures).toHaveLength(1 + MAX_FAILED_SIGN_INS);
    expect(failures[0]).toMatchObject({
      actor_id: null,
      entity_type: 'tenant',
      result: 'failure',
      user_agent: 'AuditTest/1.0',
      after: { username: 'nobody', reason: 'unknown user' },
    });
    expect(failures[0].ip).toBeTruthy();
    expect(failures[1]).toMatchObject({
      entity_type: 'user',
      entity_id: user.id,
      result: 'failure',
      after: { reason: 'wrong password' },
    });
    const locks = await records(tenant.id, 'account.lock');
    expect(locks).toHaveLength(1);
    expect(locks[0].entity_id).toBe(user.id);

    const other = await f.user(tenant, 'OFFICE_STAFF');
    const client = await f.signIn(tenant, other);
    const success = (await records(tenant.id, 'sign_in')).filter((r) => r.result === 'success');
    expect(success).toEqual([
      expect.objectContaining({ actor_id: other.id, entity_id: other.id, after: { via: 'password' } }),
    ]);
    expect((await client.gql('mutation { signOut }')).errors).toBeUndefined();
    expect(await records(tenant.id, 'sign_out')).toEqual([expect.objectContaining({ actor_id: other.id })]);
    expect((await check(tenant.id)).ok).toBe(true);
  });

  it('ends an idle session on the server when it is next presented, and records the timeout', async () => {
    const tenant = await f.tenant();
    const client = await f.client(tenant, 'OFFICE_STAFF');
    await t.db.query(`UPDATE user_session SET last_seen_at = now() - interval '1 day' WHERE user_id = $1`, [
      client.user.id,
    ]);
    const me = await client.gql('{ me { id } }');
    expect(me.data.me).toBeNull();
    expect((await t.db.query(`SELECT 1 FROM user_session WHERE user_id = $1`, [client.user.id])).rowCount).toBe(0);
    expect(await records(tenant.id, 'session.timeout')).toEqual([
      expect.objectContaining({ actor_id: client.user.id, note: 'SESSION_IDLE' }),
    ]);
  });

  it('records every download with its filters, and an office read of a unit’s task, not the unit’s own', async () => {
    const tenant = await f.tenant();
    const unit = await f.unit(tenant);
    const kp = await f.keyPointPlan(tenant);
    const task = await f.keyPointTask(kp, unit);
    const office = await f.client(tenant, 'OFFICE_STAFF');
    const liaison = await f.client(tenant, 'UNIT_LIAISON', unit);

    const res = await download(office, `/exports/ledger.xlsx?planId=${kp.planId}&light=RED`);
    expect(res.status).toBe(200);
    const [exported] = await records(tenant.id, 'export');
    expect(exported).toMatchObject({
      actor_id: office.user.id,
      entity_type: 'download',
      entity_id: kp.planId,
      result: 'success',
      after: {
        route: '/exports/ledger.xlsx',
        filters: { planId: kp.planId, light: 'RED' },
        bytes: res.body.length,
      },
    });
    expect(exported.after.file).toMatch(/\.xlsx$/);

    await office.ok(`query($id: ID!) { task(id: $id) { id } }`, { id: task.id });
    await liaison.ok(`query($id: ID!) { task(id: $id) { id } }`, { id: task.id });
    expect(await records(tenant.id, 'read')).toEqual([
      expect.objectContaining({
        actor_id: office.user.id,
        entity_type: 'task',
        entity_id: task.id,
        after: { unitId: unit.id },
      }),
    ]);
  });

  it('lets the auditor filter the log by user, action, object and time, page it, and export it (itself audited)', async () => {
    const tenant = await f.tenant();
    const auditor = await f.client(tenant, 'SECURITY_AUDITOR');
    const staff = await f.user(tenant, 'OFFICE_STAFF');
    await f.signIn(tenant, staff);
    await t.http.post('/graphql').send({
      query: SIGN_IN,
      variables: { input: { tenantCode: tenant.code, username: staff.username, password: 'nope' } },
    });

    const byUser = await auditor.ok(AUDIT_LOG, { filter: { actorId: staff.id } });
    expect(byUser.auditLog.nodes.map((n: { action: string }) => n.action)).toEqual(['sign_in']);
    const failed = await auditor.ok(AUDIT_LOG, {
      filter: { action: 'sign_in', result: 'failure', entityId: staff.id },
    });
    expect(failed.auditLog.totalCount).toBe(1);
    expect(failed.auditLog.nodes[0]).toMatchObject({ entityType: 'user', result: 'failure', actorId: null });
    const future = await auditor.ok(AUDIT_LOG, { filter: { from: new Date(Date.now() + 3600_000).toISOString() } });
    expect(future.auditLog.totalCount).toBe(0);
    // Sequence numbers are given by the chain's sealer in the background, oldest first: page once the
    // newest record has its number.
    const page1 = await until(
      'the newest record sealed',
      async () => {
        const page = await auditor.ok(AUDIT_LOG, { first: 2 });
        return page.auditLog.nodes[0]?.seq != null && page;
      },
      { timeoutMs: 30_000 },
    );
    expect(page1.auditLog.totalCount).toBe(3);
    expect(page1.auditLog.pageInfo.hasNextPage).toBe(true);
    await auditor.ok(CHAIN);
    const page2 = await auditor.ok(AUDIT_LOG, { first: 2, after: page1.auditLog.pageInfo.endCursor });
    const seqs = [...page1.auditLog.nodes, ...page2.auditLog.nodes].map((n: { seq: number }) => n.seq);
    expect(seqs).toEqual([3, 2, 1]);

    const file = await download(auditor, `/exports/audit-log.xlsx?action=sign_in&actorId=${staff.id}`);
    expect(file.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as never);
    const sheet = book.getWorksheet('安全审计记录')!;
    expect(sheet.getRow(3).getCell(4).value).toBe('sign_in');
    expect(sheet.rowCount).toBe(3);
    const exported = await auditor.ok(AUDIT_LOG, { filter: { action: 'export' } });
    expect(JSON.parse(exported.auditLog.nodes[0].after)).toMatchObject({
      route: '/exports/audit-log.xlsx',
      filters: { action: 'sign_in', actorId: staff.id },
    });
  });

  it('refuses the log, its check and its export to everyone outside the auditor roles', async () => {
    const tenant = await f.tenant();
    // 三员分立: neither the system admin nor the security admin reads the log.
    for (const role of ['OFFICE_ADMIN', 'SECURITY_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP', 'UNIT_LIAISON'] as const) {
      const c = await f.client(tenant, role);
      expect(errorCode(await c.gql(AUDIT_LOG))).toBe('FORBIDDEN');
      expect(errorCode(await c.gql(CHAIN))).toBe('FORBIDDEN');
      expect((await download(c, '/exports/audit-log.xlsx')).status).toBe(403);
    }
    const other = await f.tenant();
    const foreign = await f.client(other, 'SECURITY_AUDITOR');
    const mine = await foreign.ok(AUDIT_LOG);
    expect(mine.auditLog.nodes.every((n: { actorId: string | null }) => n.actorId === foreign.user.id)).toBe(true);
  });

  it('finds an UPDATE run directly on an audit row, and says where the chain breaks', async () => {
    const tenant = await f.tenant();
    const auditor = await f.client(tenant, 'SECURITY_AUDITOR');
    for (let i = 0; i < 3; i++) await f.signIn(tenant, auditor.user);
    expect((await auditor.ok(CHAIN)).auditChainCheck).toMatchObject({
      ok: true,
      verified: 4,
      lastSeq: 4,
      pending: 0,
      firstBreak: null,
    });
    const [row] = (await t.db.query(`SELECT id::text FROM audit_log WHERE tenant_id = $1 AND seq = 2`, [tenant.id]))
      .rows;

    // A database administrator silences the append-only trigger for the session and rewrites a record.
    await asDatabaseAdmin(`UPDATE audit_log SET ip = '10.9.9.9' WHERE tenant_id = $1 AND seq = 2`, [tenant.id]);
    const broken = (await auditor.ok(CHAIN)).auditChainCheck;
    expect(broken).toMatchObject({ ok: false, verified: 1, firstBreak: { seq: 2, reason: 'altered', id: row.id } });
  });

  it('finds a record deleted directly, in the middle or at the end', async () => {
    const tenant = await f.tenant();
    const user = await f.user(tenant, 'OFFICE_ADMIN');
    for (let i = 0; i < 4; i++) await f.signIn(tenant, user);
    expect(await check(tenant.id)).toMatchObject({ ok: true, verified: 4 });
    const remove = (seq: number) =>
      asDatabaseAdmin(`DELETE FROM audit_log WHERE tenant_id = $1 AND seq = $2`, [tenant.id, seq]);
    await remove(4);
    expect((await check(tenant.id)).firstBreak).toMatchObject({ seq: 4, reason: 'missing' });
    await remove(2);
    expect((await check(tenant.id)).firstBreak).toMatchObject({ seq: 2, reason: 'missing' });
  });

  it('keeps the log append-only for the application’s role, even with the archive switch set', async () => {
    const tenant = await f.tenant();
    await f.signIn(tenant, await f.user(tenant, 'OFFICE_STAFF'));
    const c = await t.db.connect();
    const asTenant = async (sql: string) => {
      await c.query('BEGIN');
      try {
        await c.query(
          `SELECT set_config('role', 'duban_tenant', true), set_config('duban.tenant_id', $1, true), set_config('duban.audit_archive', 'archived', true)`,
          [tenant.id],
        );
        await c.query(sql);
      } finally {
        await c.query('ROLLBACK');
      }
    };
    try {
      await expect(asTenant(`UPDATE audit_log SET note = 'x'`)).rejects.toThrow(/append-only/);
      await expect(asTenant(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
      // The one UPDATE let through is the seal: a number for a record without one, nothing else changed.
      await expect(
        asTenant(
          `INSERT INTO audit_log (tenant_id, entity_type, entity_id, action) VALUES ('${tenant.id}', 'tenant', '${tenant.id}', 'x');
           UPDATE audit_log SET seq = 999, note = 'x' WHERE seq IS NULL`,
        ),
      ).rejects.toThrow(/append-only/);
    } finally {
      c.release();
    }
    expect((await records(tenant.id, 'sign_in')).length).toBe(1);
  });

  it('lets appends of one tenant pass a transaction that holds its own open, and seals them all into one chain', async () => {
    const tenant: TestTenant = await f.tenant();
    const audit = t.app.get(AuditService);
    const ds = t.app.get(DataSource);
    const system = { tenantId: tenant.id, userId: null };
    // A business transaction that has written its record and is still working (or stuck).
    const slow = ds.createQueryRunner();
    await slow.startTransaction();
    try {
      await audit.record(slow.manager, system, { entityType: 'tenant', entityId: tenant.id, action: 'test.slow' });
      // Twenty others of the same tenant come and go meanwhile: none waits for the open one (with the
      // chain head locked for a whole transaction, each waited until lock_timeout and failed).
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          ds.transaction((m) =>
            audit.record(m, system, [
              {
                entityType: 'tenant',
                entityId: tenant.id,
                action: 'test.parallel',
                after: { i, nested: { b: 2, a: [1, 'x'] } },
              },
              { entityType: 'tenant', entityId: tenant.id, action: 'test.parallel', note: `第${i}次` },
            ]),
          ),
        ),
      );
      expect(await records(tenant.id, 'test.parallel')).toHaveLength(40);
      await slow.commitTransaction();
    } finally {
      await slow.release();
    }
    // Sealed after each commit, off the request path, without anyone asking.
    for (let i = 0; i < 100; i++) {
      const left = await t.db.query(`SELECT 1 FROM audit_log WHERE tenant_id = $1 AND seq IS NULL`, [tenant.id]);
      if (!left.rowCount) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const found = [...(await records(tenant.id, 'test.parallel')), ...(await records(tenant.id, 'test.slow'))];
    expect(found.map((r) => Number(r.seq)).sort((x, y) => x - y)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    expect(await check(tenant.id)).toMatchObject({ ok: true, verified: 41, lastSeq: 41, pending: 0 });
  });

  it('finds a record inserted directly into the database, around Duban, before or after its seal', async () => {
    const tenant = await f.tenant();
    const user = await f.user(tenant, 'OFFICE_ADMIN');
    await f.signIn(tenant, user);
    expect(await check(tenant.id)).toMatchObject({ ok: true, verified: 1 });
    // Written like Duban writes, but without the key: no valid row MAC.
    await t.db.query(
      `INSERT INTO audit_log (tenant_id, actor_id, entity_type, entity_id, action, row_mac) VALUES ($1, $2, 'user', $2, 'password.reset', 'f00d')`,
      [tenant.id, user.id],
    );
    await f.signIn(tenant, user);
    const [forged] = (
      await t.db.query(`SELECT id::text FROM audit_log WHERE tenant_id = $1 AND action = 'password.reset'`, [tenant.id])
    ).rows;
    expect(await check(tenant.id)).toMatchObject({
      ok: false,
      verified: 1,
      pending: 0,
      firstBreak: { seq: 2, reason: 'unsealed', id: forged.id },
    });
  });

  it('signs in people whose password is right even when the attempt before failed', async () => {
    const tenant = await f.tenant();
    const user = await f.user(tenant, 'OFFICE_STAFF');
    const agent = request.agent(t.app.getHttpServer());
    const send = (password: string) =>
      agent
        .post('/graphql')
        .send({ query: SIGN_IN, variables: { input: { tenantCode: tenant.code, username: user.username, password } } });
    expect(errorCode((await send('bad')).body)).toBe('UNAUTHENTICATED');
    expect((await send(TEST_PASSWORD)).body.data.signIn.id).toBe(user.id);
    expect((await records(tenant.id, 'sign_in')).map((r) => r.result)).toEqual(['failure', 'success']);
  });
});
