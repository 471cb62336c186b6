import type pg from 'pg';
import type { QueryRunner } from 'typeorm';
import { fieldCipher } from '../../../common/crypto/field-keys.js';
import { personalData } from '../../../common/crypto/personal-data.js';
import { sealColumn } from '../../../common/crypto/sealed-column.js';
import { loadConfig } from '../../../config/app-config.js';
import { EncryptPersonalData1766700000000 } from '../../../database/migrations/1766700000000-EncryptPersonalData.js';
import { openTotpSecret, sealAesTotpSecret } from '../../auth/totp-seal.js';
import { createMigrationDatabase } from '../../../../test/test-database.js';

/**
 * 商用密码 on a tenant from before it: phones and e-mails stored in plaintext, two-factor secrets under
 * AES-256-GCM. The migration leaves no plaintext, loses nothing, indexes what it encrypts, can run
 * again, and reverts.
 */
describe('personal data encryption migration', () => {
  let database: Awaited<ReturnType<typeof createMigrationDatabase>>;
  let client: pg.Client;
  let runner: QueryRunner;
  const migration = new EncryptPersonalData1766700000000();
  const config = loadConfig(process.env);
  const people = personalData(config);

  beforeAll(async () => {
    database = await createMigrationDatabase();
    ({ client, runner } = database);
    await migration.down(runner);
  });
  afterAll(() => database?.close());

  it('encrypts existing phones, e-mails and two-factor secrets, indexes them, and is idempotent and reversible', async () => {
    const tenantId = (await client.query(`INSERT INTO tenant (code, name) VALUES ('mig-pi', 'mig') RETURNING id`))
      .rows[0].id as string;
    const before: { username: string; phone: string | null; email: string | null }[] = [
      { username: 'zhang', phone: '+86 138-1234-5678', email: 'Zhang.San@Example.gov.cn' },
      { username: 'li', phone: '024-12345678', email: null },
      { username: 'wang', phone: null, email: 'wang@example.gov.cn' },
      { username: 'zhao', phone: null, email: null },
    ];
    const ids: Record<string, string> = {};
    for (const p of before)
      ids[p.username] = (
        await client.query(
          `INSERT INTO app_user (tenant_id, username, display_name, role, password_hash, phone, email)
           VALUES ($1, $2, $2, 'OFFICE_STAFF', 'x', $3, $4) RETURNING id`,
          [tenantId, p.username, p.phone, p.email],
        )
      ).rows[0].id;
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await client.query(`INSERT INTO user_totp (tenant_id, user_id, secret_sealed) VALUES ($1, $2, $3)`, [
      tenantId,
      ids.zhang,
      sealAesTotpSecret(secret, config.totpSecretKey, tenantId, ids.zhang),
    ]);

    await migration.up(runner);
    const read = async () =>
      (
        await client.query(
          `SELECT id, username, phone, email, phone_index, email_index, phone_mobile FROM app_user WHERE tenant_id = $1 ORDER BY username`,
          [tenantId],
        )
      ).rows;
    const after = await read();
    const stored = after.map((r) => `${r.phone} ${r.email}`).join(' ');
    for (const word of ['12345678', '138-1234', '024-', 'Zhang.San', 'example.gov.cn', 'wang@'])
      expect(stored).not.toContain(word);
    for (const p of before) {
      const row = after.find((r) => r.username === p.username)!;
      expect(people.open(tenantId, row.id, 'phone', row.phone)).toBe(p.phone);
      expect(people.open(tenantId, row.id, 'email', row.email)).toBe(p.email);
      expect(row.phone_index).toBe(p.phone ? people.index(tenantId, 'phone', p.phone) : null);
      expect(row.email_index).toBe(p.email ? people.index(tenantId, 'email', p.email) : null);
    }
    // Written another way, the same number and address find the same rows.
    expect(after.find((r) => r.username === 'zhang')).toMatchObject({
      phone_index: people.index(tenantId, 'phone', '13812345678'),
      email_index: people.index(tenantId, 'email', 'zhang.san@example.gov.cn'),
      phone_mobile: true,
    });
    expect(after.find((r) => r.username === 'li').phone_mobile).toBe(false);
    const sealed = (await client.query(`SELECT secret_sealed FROM user_totp WHERE user_id = $1`, [ids.zhang])).rows[0]
      .secret_sealed;
    expect(sealed).toMatch(/^sm4:/);
    expect(sealed).not.toContain(secret);
    expect(openTotpSecret(fieldCipher(config), sealed, tenantId, ids.zhang)).toBe(secret);

    // Again: nothing left to do, nothing changes.
    await migration.up(runner);
    expect(await read()).toEqual(after);

    await migration.down(runner);
    const reverted = await client.query(`SELECT username, phone, email FROM app_user WHERE tenant_id = $1`, [tenantId]);
    expect(reverted.rows.sort((a, b) => a.username.localeCompare(b.username))).toEqual(
      [...before].sort((a, b) => a.username.localeCompare(b.username)),
    );
    expect(
      (await client.query(`SELECT secret_sealed FROM user_totp WHERE user_id = $1`, [ids.zhang])).rows[0].secret_sealed,
    ).toMatch(/^a1:/);
    await migration.up(runner);
  });

  it('works through a table larger than one batch', async () => {
    const tenantId = (await client.query(`INSERT INTO tenant (code, name) VALUES ('mig-batch', 'mig') RETURNING id`))
      .rows[0].id as string;
    await client.query(
      `INSERT INTO app_user (tenant_id, username, display_name, role, password_hash, phone)
       SELECT $1, 'u' || i, 'u' || i, 'OFFICE_STAFF', 'x', '1390000' || lpad(i::text, 4, '0') FROM generate_series(1, 7) i`,
      [tenantId],
    );
    const [phone] = people.sealedColumns();
    expect(await sealColumn(runner, fieldCipher(config), phone, 3)).toBe(7);
    const { rows } = await client.query(`SELECT id, username, phone FROM app_user WHERE tenant_id = $1`, [tenantId]);
    expect(rows.map((r) => people.open(tenantId, r.id, 'phone', r.phone)).sort()).toEqual(
      Array.from({ length: 7 }, (_, i) => `1390000000${i + 1}`),
    );
    expect(await sealColumn(runner, fieldCipher(config), phone, 3)).toBe(0);
  });
});
