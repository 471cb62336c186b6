import { DataSource } from 'typeorm';
import { AddressPolicy } from '../src/common/net/address-policy.js';
import { PlatformHttp } from '../src/modules/messaging/channels/platform-http.js';
import { SECRET, SecretStore } from '../src/modules/messaging/secrets/secret-store.service.js';

// The platforms' servers are plain Node, shared with the browser tests.
export * from '../../../tools/lib/platform-servers.js';

type AppLike = { app: { get<T>(type: new (...args: any[]) => T): T } };

/** Lets the app's calls to operator-added origins reach the test's platform servers on loopback. */
export function platformsOnLoopback(t: AppLike): void {
  t.app.get(PlatformHttp).operatorPolicy = AddressPolicy.forTestsOnLoopback();
}

/** A group robot of a tenant, stored the way the settings screen stores it (its URL a secret). */
export async function addRobot(
  t: AppLike & { db: { query(sql: string, params?: unknown[]): Promise<{ rows: any[] }> } },
  tenantId: string,
  robot: { platform: 'DINGTALK' | 'WECOM'; webhookUrl: string; signSecret?: string; kinds?: string[]; name?: string },
): Promise<string> {
  const { rows } = await t.db.query(
    `INSERT INTO message_robot (tenant_id, name, platform, kinds) VALUES ($1, $2, $3, $4) RETURNING id`,
    [tenantId, robot.name ?? '工作群机器人', robot.platform, robot.kinds ?? ['DAILY_SUMMARY', 'TASK_ASSIGNED', 'URGE']],
  );
  const id = rows[0].id as string;
  const store = t.app.get(SecretStore);
  const dataSource = t.app.get(DataSource);
  await store.set(dataSource, tenantId, SECRET.robotWebhook(id), robot.webhookUrl);
  if (robot.signSecret) await store.set(dataSource, tenantId, SECRET.robotSign(id), robot.signSecret);
  return id;
}
