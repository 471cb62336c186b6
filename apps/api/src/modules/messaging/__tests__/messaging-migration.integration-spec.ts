import type pg from 'pg';
import type { QueryRunner } from 'typeorm';
import { Messaging1764500100000 } from '../../../database/migrations/1764500100000-Messaging.js';
import { createMigrationDatabase } from '../../../../test/test-database.js';

/**
 * The messaging migration on data from before it: the tenant's single webhook setting becomes a robot
 * whose address is a secret (no longer in the readable settings), tasks that exist count as signed,
 * and the migration reverts.
 */
describe('messaging migration', () => {
  let database: Awaited<ReturnType<typeof createMigrationDatabase>>;
  let client: pg.Client;
  let runner: QueryRunner;
  const migration = new Messaging1764500100000();

  beforeAll(async () => {
    database = await createMigrationDatabase();
    ({ client, runner } = database);
    await migration.down(runner);
  });
  afterAll(() => database?.close());

  it("moves each tenant's webhook into a robot whose address is a secret, and signs existing tasks", async () => {
    const tenant = async (code: string, settings: object) =>
      (
        await client.query(`INSERT INTO tenant (code, name, settings) VALUES ($1, $1, $2) RETURNING id`, [
          code,
          settings,
        ])
      ).rows[0].id as string;
    const ding = await tenant('mig-ding', {
      webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=abc123',
      leaderApproval: true,
    });
    const wecom = await tenant('mig-wecom', { webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1' });
    const none = await tenant('mig-none', {});
    const unit = (
      await client.query(
        `INSERT INTO unit (tenant_id, name, kind) VALUES ($1, '市司法局', 'DEPARTMENT') RETURNING id`,
        [none],
      )
    ).rows[0].id;
    const plan = (
      await client.query(
        `INSERT INTO plan (tenant_id, year, title, status) VALUES ($1, 2026, '要点', 'PUBLISHED') RETURNING id`,
        [none],
      )
    ).rows[0].id;
    const kp = (
      await client.query(
        `INSERT INTO key_point (tenant_id, plan_id, seq, title) VALUES ($1, $2, 1, '推进决策公开') RETURNING id`,
        [none, plan],
      )
    ).rows[0].id;
    await client.query(
      `INSERT INTO task (tenant_id, plan_id, key_point_id, unit_id, role, assigned_on, due_date, original_due_date) VALUES ($1, $2, $3, $4, 'LEAD', '2026-03-01', '2026-12-31', '2026-12-31')`,
      [none, plan, kp, unit],
    );
    await migration.up(runner);
    const tasks = await client.query(`SELECT signed_at = created_at AS signed FROM task WHERE tenant_id = $1`, [none]);
    expect(tasks.rows).toEqual([{ signed: true }]);

    const robots = await client.query(
      `SELECT tenant_id, name, platform, kinds FROM message_robot WHERE tenant_id = ANY($1::uuid[]) ORDER BY platform`,
      [[ding, wecom, none]],
    );
    expect(robots.rows).toEqual([
      { tenant_id: ding, name: '工作群机器人', platform: 'DINGTALK', kinds: ['DAILY_SUMMARY'] },
      { tenant_id: wecom, name: '工作群机器人', platform: 'WECOM', kinds: ['DAILY_SUMMARY'] },
    ]);
    const secrets = await client.query(
      `SELECT tenant_id, value FROM tenant_secret WHERE name LIKE 'robot.%.webhook' AND tenant_id = ANY($1::uuid[])`,
      [[ding, wecom]],
    );
    expect(secrets.rows.map((r) => r.value).sort()).toEqual([
      'https://oapi.dingtalk.com/robot/send?access_token=abc123',
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1',
    ]);
    const settings = await client.query(`SELECT settings FROM tenant WHERE id = $1`, [ding]);
    expect(settings.rows[0].settings).toEqual({ leaderApproval: true });
  });

  it("reverts, putting the first robot's address back into the settings", async () => {
    await migration.down(runner);
    const settings = await client.query(`SELECT settings FROM tenant WHERE code = 'mig-ding'`);
    expect(settings.rows[0].settings.webhookUrl).toBe('https://oapi.dingtalk.com/robot/send?access_token=abc123');
    await migration.up(runner);
  });
});
