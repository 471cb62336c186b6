import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { FieldCipher } from '../../../api/src/common/crypto/field-cipher.js';
import { PersonalData } from '../../../api/src/common/crypto/personal-data.js';
import { openTotpSecret, sealTotpSecret } from '../../../api/src/modules/auth/totp-seal.js';
import { secretContext } from '../../../api/src/modules/messaging/secrets/secret-context.js';
import { createTestDatabase } from '../../../api/test/test-database.js';
import { runCli } from '../../test/run-cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'duban-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const K1 = { id: 'k1', secret: 'first-field-key-of-at-least-32-characters' };
const K2 = { id: 'k2', secret: 'second-field-key-of-at-least-32-characters' };
const INDEX_1 = 'first-blind-index-key-of-at-least-32-chars';
const INDEX_2 = 'second-blind-index-key-of-at-least-32-chars';

/** Key rotation (商用密码): `secrets rekey` brings every SM4 column under the newest key and re-indexes. */
describe('cli secrets rekey', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: pg.Pool;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = new pg.Pool({ connectionString: database.url, max: 2 });
  });
  afterAll(async () => {
    await db.end();
    await database.drop();
  });

  it('re-encrypts tenant secrets, two-factor secrets, phones and e-mails under the new key, with the new index', async () => {
    const old = new PersonalData(new FieldCipher([K1]), INDEX_1);
    const oldCipher = new FieldCipher([K1]);
    const tenantId = (await db.query(`INSERT INTO tenant (code, name) VALUES ('rekey', 'rekey') RETURNING id`)).rows[0]
      .id as string;
    const userId = (
      await db.query(
        `INSERT INTO app_user (tenant_id, username, display_name, role, password_hash) VALUES ($1, 'zhang', '张', 'OFFICE_STAFF', 'x') RETURNING id`,
        [tenantId],
      )
    ).rows[0].id as string;
    const c = old.columns(tenantId, userId, { phone: '13812345678', email: 'zhang@example.gov.cn' });
    await db.query(
      `UPDATE app_user SET phone = $2, phone_index = $3, phone_mobile = $4, email = $5, email_index = $6 WHERE id = $1`,
      [userId, c.phone, c.phone_index, c.phone_mobile, c.email, c.email_index],
    );
    await db.query(`INSERT INTO user_totp (tenant_id, user_id, secret_sealed) VALUES ($1, $2, $3)`, [
      tenantId,
      userId,
      sealTotpSecret(oldCipher, 'JBSWY3DPEHPK3PXP', tenantId, userId),
    ]);
    await db.query(`INSERT INTO tenant_secret (tenant_id, name, value) VALUES ($1, 'wecom.secret', $2)`, [
      tenantId,
      oldCipher.encrypt('app-secret', secretContext(tenantId, 'wecom.secret')),
    ]);

    const env = {
      DATABASE_URL: database.url,
      FIELD_KEYS: `k1:${K1.secret},k2:${K2.secret}`,
      BLIND_INDEX_KEY: INDEX_2,
    };
    const r = await runCli(scratch, env, 'secrets', 'rekey');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('re-encrypted under key k2');
    expect(r.stdout).toMatch(/app_user\.phone 1\b.*app_user\.email 1\b/);

    const ring = new FieldCipher([K1, K2]);
    const renewed = new PersonalData(ring, INDEX_2);
    const user = (await db.query(`SELECT * FROM app_user WHERE id = $1`, [userId])).rows[0];
    expect(user.phone).toMatch(/^sm4:k2:/);
    expect(user.email).toMatch(/^sm4:k2:/);
    expect(renewed.open(tenantId, userId, 'phone', user.phone)).toBe('13812345678');
    expect(user.phone_index).toBe(renewed.index(tenantId, 'phone', '13812345678'));
    expect(user.email_index).toBe(renewed.index(tenantId, 'email', 'zhang@example.gov.cn'));
    const totp = (await db.query(`SELECT secret_sealed FROM user_totp WHERE user_id = $1`, [userId])).rows[0];
    expect(totp.secret_sealed).toMatch(/^sm4:k2:/);
    expect(openTotpSecret(ring, totp.secret_sealed, tenantId, userId)).toBe('JBSWY3DPEHPK3PXP');
    const secret = (await db.query(`SELECT value FROM tenant_secret WHERE tenant_id = $1`, [tenantId])).rows[0];
    expect(secret.value).toMatch(/^sm4:k2:/);

    // Without the old key nothing can be read: the command fails and changes nothing.
    await db.query(`UPDATE app_user SET email = $2 WHERE id = $1`, [
      userId,
      old.seal(tenantId, userId, 'email', 'back@example.gov.cn'),
    ]);
    const refused = await runCli(scratch, { ...env, FIELD_KEYS: `k2:${K2.secret}` }, 'secrets', 'rekey');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/key k1/);
    expect((await db.query(`SELECT phone FROM app_user WHERE id = $1`, [userId])).rows[0].phone).toBe(user.phone);
  });
});
