import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Clock } from '../../../common/clock.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client } from '../../../../test/factory.js';
import { download } from '../../../../test/download.js';
import { buildScenario, TODAY, type Scenario } from '../../scorecard/__tests__/scorecard-scenario.js';

const POLICY = `{ securityPolicy { passwordMinLength passwordMinClasses passwordHistory passwordMaxAgeDays sessionIdleMinutes sessionMaxHours twoFactorRoles watermark version } }`;
const UPDATE = `mutation($input: UpdateSecurityPolicyInput!) { updateSecurityPolicy(input: $input) { watermark version } }`;

/** What prints at the foot of each page: every sheet's footer, or every footer part of a Word file. */
async function footers(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  if (zip.file('word/document.xml')) {
    const parts = Object.keys(zip.files).filter((n) => /^word\/footer[^/]*\.xml$/.test(n));
    const body = await zip.file('word/document.xml')!.async('string');
    // A footer part counts only when the document's sections point at it.
    return Promise.all(
      parts.map(async (p) => {
        const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
        const id = new RegExp(`Id="([^"]+)"[^>]*Target="${p.slice('word/'.length)}"`).exec(rels)?.[1];
        if (!id || !body.includes(`r:id="${id}"`)) return '';
        const xml = await zip.file(p)!.async('string');
        return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      }),
    );
  }
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  return book.worksheets.map((w) => w.headerFooter?.oddFooter ?? '');
}

describe('防泄漏: the watermark setting, the page watermark’s text and every export’s footer', () => {
  let t: TestApp;
  let f: Factory;
  let s: Scenario;
  let security: Client;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    const now = new Date(TODAY);
    t.app.get(Clock).now = () => now;
    s = await buildScenario(t, f);
    security = await f.client(s.tenant, 'SECURITY_ADMIN');
  }, 120_000);
  afterAll(() => t?.close());

  const setWatermark = async (on: boolean, by = security) => {
    const { securityPolicy } = await security.ok(POLICY);
    return by.gql(UPDATE, { input: { ...securityPolicy, watermark: on } });
  };

  it('is the security admin’s switch alone, versioned and audited; a form without it keeps it', async () => {
    const system = await f.client(s.tenant, 'OFFICE_ADMIN', undefined, { securityAdmin: false });
    const liaison = await f.client(s.tenant, 'UNIT_LIAISON', s.units.A);
    const auditor = await f.client(s.tenant, 'SECURITY_AUDITOR');
    for (const c of [system, liaison, auditor]) expect(errorCode(await setWatermark(true, c))).toBe('FORBIDDEN');
    expect((await security.ok(POLICY)).securityPolicy.watermark).toBe(false);

    const { securityPolicy: before } = await security.ok(POLICY);
    const on = await setWatermark(true);
    expect(on.data.updateSecurityPolicy).toEqual({ watermark: true, version: before.version + 1 });
    // A stale form is refused, whatever it says about the watermark.
    expect(errorCode(await security.gql(UPDATE, { input: { ...before, watermark: false } }))).toBe('CONFLICT');
    // A caller that does not know the field (an older form) leaves the setting as it is.
    const { watermark: _, ...withoutWatermark } = (await security.ok(POLICY)).securityPolicy;
    expect((await security.ok(UPDATE, { input: withoutWatermark })).updateSecurityPolicy.watermark).toBe(true);
    const { rows } = await t.db.query(
      `SELECT before->>'watermark' AS was, after->>'watermark' AS now FROM audit_log
        WHERE tenant_id = $1 AND action = 'security-policy.update' ORDER BY id`,
      [s.tenant.id],
    );
    expect(rows.slice(0, 1)).toEqual([{ was: 'false', now: 'true' }]);
  });

  it('names the viewer on the page only while it is on', async () => {
    await setWatermark(true);
    const staff = await f.client(s.tenant, 'OFFICE_STAFF');
    expect((await staff.ok(`{ me { watermark } }`)).me.watermark).toBe(`OFFICE_STAFF用户（${staff.user.username}）`);
    await setWatermark(false);
    expect((await staff.ok(`{ me { watermark } }`)).me.watermark).toBeNull();
  });

  it('puts who exported it and the day in the footer of every Word and Excel export, from the session', async () => {
    await setWatermark(true);
    const office = await f.client(s.tenant, 'OFFICE_STAFF');
    const admin = await f.client(s.tenant, 'OFFICE_ADMIN');
    const auditor = await f.client(s.tenant, 'SECURITY_AUDITOR');
    const line = (c: Client, name: string) => `${name}（${c.user.username}） 2026-11-23`;
    const exports: [Client, string, string][] = [
      [office, `/exports/ledger.xlsx?planId=${s.planId}`, 'OFFICE_STAFF用户'],
      [office, `/exports/scorecard.xlsx?year=2026`, 'OFFICE_STAFF用户'],
      [office, `/exports/tongbao.docx?planId=${s.planId}`, 'OFFICE_STAFF用户'],
      [office, `/exports/annual-report-section.docx?year=2026&section=七`, 'OFFICE_STAFF用户'],
      [office, `/units/export.xlsx`, 'OFFICE_STAFF用户'],
      [admin, `/accounts/export.xlsx`, 'OFFICE_ADMIN用户'],
      [auditor, `/exports/audit-log.xlsx`, 'SECURITY_AUDITOR用户'],
      [security, `/exports/assessment.xlsx`, 'SECURITY_ADMIN用户'],
    ];
    for (const [client, path, name] of exports) {
      const res = await download(client, path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      const feet = await footers(res.body);
      expect(feet.length).toBeGreaterThan(0);
      // Excel's footer codes: the right-hand section (&R), beside the page numbers a sheet already had.
      for (const foot of feet) expect([path, foot]).toEqual([path, expect.stringContaining(line(client, name))]);
    }
    const handedOut = (await download(office, `/exports/ledger.xlsx?planId=${s.planId}`)).body;
    const ledger = await footers(handedOut);
    expect(ledger[0]).toBe(`第 &P 页，共 &N 页&R${line(office, 'OFFICE_STAFF用户')}`);
    // The download's audit record has the size of the file handed out: that very file, since a workbook
    // carries the time it was written and one made a second later may differ by a byte.
    const { rows } = await t.db.query(
      `SELECT (after->>'bytes')::int AS bytes FROM audit_log WHERE tenant_id = $1 AND actor_id = $2 AND action = 'export' ORDER BY id DESC LIMIT 1`,
      [s.tenant.id, office.user.id],
    );
    expect(rows[0].bytes).toBe(handedOut.length);
  });

  it('leaves exports alone while it is off, and files people uploaded always', async () => {
    await setWatermark(true);
    const liaison = await f.client(s.tenant, 'UNIT_LIAISON', s.units.A);
    const sheet = new ExcelJS.Workbook();
    sheet.addWorksheet('材料').addRow(['佐证']);
    const bytes = Buffer.from(await sheet.xlsx.writeBuffer());
    const upload = await liaison.upload('/files', { name: '佐证材料.xlsx', bytes });
    expect(upload.status).toBe(201);
    const stored = await download(liaison, `/files/${upload.body.id}`);
    expect(Buffer.compare(stored.body, bytes)).toBe(0);

    await setWatermark(false);
    const office = await f.client(s.tenant, 'OFFICE_STAFF');
    for (const path of [`/exports/ledger.xlsx?planId=${s.planId}`, `/exports/tongbao.docx?planId=${s.planId}`])
      for (const foot of await footers((await download(office, path)).body))
        expect(foot).not.toContain('OFFICE_STAFF用户');
  });
});
