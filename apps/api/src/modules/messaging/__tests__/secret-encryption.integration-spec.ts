import pg from 'pg';
import type { QueryRunner } from 'typeorm';
import { FieldCipher } from '../../../common/crypto/field-cipher.js';
import { fieldCipher } from '../../../common/crypto/field-keys.js';
import { loadConfig } from '../../../config/app-config.js';
import { devSecret } from '../../../config/dev-secret.js';
import { EncryptTenantSecrets1766400100000 } from '../../../database/migrations/1766400100000-EncryptTenantSecrets.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { Factory } from '../../../../test/factory.js';
import { sealTenantSecrets } from '../secrets/seal-secrets.js';
import { secretContext } from '../secrets/secret-context.js';
import { SecretStore } from '../secrets/secret-store.service.js';

const SAVE_ROBOT = `mutation($input: SaveMessageRobotInput!) { saveMessageRobot(input: $input) { id webhookMasked signSecretMasked } }`;
const WEBHOOK = 'https://oapi.dingtalk.com/robot/send?access_token=9c1d2e3f4a5b6c7d8e9f';
const SIGN = 'SECa1b2c3d4e5f60718293a4b5c6d7e8f90';

/** 商用密码: the tenant's secrets (robot webhook and 加签 secret among them) are SM4 ciphertext at rest. */
describe('tenant secrets encrypted at rest', () => {
  let t: TestApp;
  let f: Factory;
  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
  });
  afterAll(() => t.close());

  it('stores a robot webhook and its 加签 secret with no plaintext in the table, and reads them back', async () => {
    const tenant = await f.tenant();
    const admin = await f.client(tenant, 'OFFICE_ADMIN');
    const saved = await admin.ok(SAVE_ROBOT, {
      input: {
        name: '督办工作群',
        platform: 'DINGTALK',
        kinds: ['URGE'],
        enabled: true,
        webhookUrl: WEBHOOK,
        signSecret: SIGN,
      },
    });
    expect(saved.saveMessageRobot.webhookMasked).toMatch(
      /^https:\/\/oapi\.dingtalk\.com\/robot\/send\?access_token=9c1d\*+8e9f$/,
    );
    const { rows } = await t.db.query(`SELECT name, value FROM tenant_secret WHERE tenant_id = $1 ORDER BY name`, [
      tenant.id,
    ]);
    expect(rows.map((r) => r.name)).toEqual([
      `robot.${saved.saveMessageRobot.id}.sign`,
      `robot.${saved.saveMessageRobot.id}.webhook`,
    ]);
    for (const r of rows) {
      expect(r.value).toMatch(/^sm4:[A-Za-z0-9_-]+:/);
      expect(r.value).not.toContain('dingtalk');
      expect(r.value).not.toContain('9c1d2e3f');
      expect(r.value).not.toContain('SECa1b2');
    }
    const db = { query: (s: string, p?: unknown[]) => t.db.query(s, p).then((x) => x.rows) } as never;
    expect(await t.app.get(SecretStore).value(db, tenant.id, rows[1].name)).toBe(WEBHOOK);
  });

  it('refuses a ciphertext copied onto another row', async () => {
    const tenant = await f.tenant();
    const cipher = fieldCipher(t.config);
    await t.db.query(`INSERT INTO tenant_secret (tenant_id, name, value) VALUES ($1, 'wecom.secret', $2)`, [
      tenant.id,
      cipher.encrypt('app-secret', secretContext(tenant.id, 'dingtalk.secret')),
    ]);
    const store = t.app.get(SecretStore);
    const db = { query: (s: string, p?: unknown[]) => t.db.query(s, p).then((x) => x.rows) } as never;
    await expect(store.value(db, tenant.id, 'wecom.secret')).rejects.toThrow(/MAC/);
    await t.db.query(`DELETE FROM tenant_secret WHERE tenant_id = $1`, [tenant.id]);
  });

  it('encrypts plaintext left by earlier versions (the migration), and rekeys under a new key', async () => {
    const tenant = await f.tenant();
    await t.db.query(`INSERT INTO tenant_secret (tenant_id, name, value) VALUES ($1, 'robot.r1.webhook', $2)`, [
      tenant.id,
      WEBHOOK,
    ]);
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      const runner = {
        query: (s: string, p?: unknown[]) => client.query(s, p).then((r) => r.rows),
      } as unknown as QueryRunner;
      await new EncryptTenantSecrets1766400100000().up(runner);
      const stored = (await t.db.query(`SELECT value FROM tenant_secret WHERE tenant_id = $1`, [tenant.id])).rows[0]
        .value;
      expect(stored).not.toContain('dingtalk');
      const current = fieldCipher(loadConfig(process.env));
      expect(current.decrypt(stored, secretContext(tenant.id, 'robot.r1.webhook'))).toBe(WEBHOOK);

      // Rotation: the ring keeps the old key (to open) and adds a new one (to write).
      const ring = new FieldCipher([
        { id: 'dev', secret: devSecret(t.config.dataDir, 'field.key') },
        { id: 'k2026', secret: 'the-new-key-of-at-least-thirty-two-characters' },
      ]);
      await client.query('BEGIN');
      const n = await sealTenantSecrets(runner, ring);
      await client.query('COMMIT');
      expect(n).toBeGreaterThanOrEqual(1);
      const rekeyed = (await t.db.query(`SELECT value FROM tenant_secret WHERE tenant_id = $1`, [tenant.id])).rows[0]
        .value;
      expect(rekeyed).toMatch(/^sm4:k2026:/);
      expect(ring.decrypt(rekeyed, secretContext(tenant.id, 'robot.r1.webhook'))).toBe(WEBHOOK);
    } finally {
      await client.end();
    }
  });
});
