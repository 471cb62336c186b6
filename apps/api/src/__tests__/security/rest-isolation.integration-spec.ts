import JSZip from 'jszip';
import type request from 'supertest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { Factory, type Client } from '../../../test/factory.js';
import { recordWriters } from '../../../test/row-writers.js';
import { DOWNLOAD_POLICY, PUBLIC_GET_ROUTES, PUBLISHED_GET_ROUTES } from './download-policy.js';
import { httpRoutes } from './http-routes.js';
import { buildTenantWorld, type TenantWorld } from './isolation-world.js';

const collect = (res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
const get = (client: Client, path: string) =>
  client.agent
    .get(path)
    .buffer(true)
    .parse(collect as never);

/** The text a person could read in a response: every part of an .xlsx/.docx, or the body itself. */
async function readable(res: request.Response): Promise<string> {
  const body = res.body as Buffer;
  if (body.subarray(0, 4).toString('binary') !== 'PK\u0003\u0004') return body.toString('utf8');
  const zip = await JSZip.loadAsync(body);
  const parts = await Promise.all(Object.values(zip.files).map((entry) => entry.async('string')));
  return parts.join('\n');
}

/**
 * The plain-HTTP downloads (evidence files, exports, directory and account sheets) as the GraphQL
 * isolation test does for operations: another tenant's office admin naming the victim's ids is
 * refused, and nothing any download gives another tenant shows the victim's rows; the rightful user
 * gets the victim's data (so the scans are not vacuous). Then the same routes under the row-level
 * security backstop: they run in the viewer's tenant scope, so rows the database hides stay hidden.
 */
describe('isolation of every REST download', () => {
  let t: TestApp;
  let f: Factory;
  let victim: TenantWorld;
  let outsider: Client;
  const downloads = Object.entries(DOWNLOAD_POLICY).map(([route, policy]) => ({ route, policy }));

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    victim = await buildTenantWorld(f, t.db, '下载受害租户');
    outsider = await f.client(await f.tenant('下载外部租户办公厅'), 'OFFICE_ADMIN');
  }, 240_000);
  afterAll(() => t?.close());

  it('classifies every GET route of the app', () => {
    expect(httpRoutes(t.app, 'get').sort()).toEqual(
      [...Object.keys(DOWNLOAD_POLICY), ...PUBLIC_GET_ROUTES, ...PUBLISHED_GET_ROUTES].sort(),
    );
  });

  it("refuses another tenant's office admin the victim's ids, and no download shows it the victim's rows", async () => {
    const problems: string[] = [];
    const secrets = [victim.marker, ...victim.allIds];
    for (const { route, policy } of downloads) {
      const res = await get(outsider, policy.path(victim));
      if (policy.names && (res.status < 400 || res.status >= 500))
        problems.push(`${route}: ${res.status}, expected a refusal`);
      if (res.status >= 500) problems.push(`${route}: ${res.status}`);
      const text = await readable(res);
      const leaked = secrets.filter((s) => text.includes(s));
      if (leaked.length) problems.push(`${route}: leaked ${leaked.slice(0, 3).join(', ')}`);
      if (res.status >= 400 && !/[\u4e00-\u9fff]/.test(JSON.parse(text || '{}').message ?? ''))
        problems.push(`${route}: refusal without a Chinese message: ${text.slice(0, 120)}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('gives the rightful user the download, with the tenant’s rows where it has any (the refusals are not vacuous)', async () => {
    const problems: string[] = [];
    for (const { route, policy } of downloads) {
      const res = await get(victim.clients[policy.owner], policy.path(victim));
      if (res.status !== 200)
        problems.push(
          `${route} as ${policy.owner}: ${res.status} ${(res.body as Buffer).toString('utf8').slice(0, 160)}`,
        );
      else if (policy.showsMarker && !(await readable(res)).includes(victim.marker))
        problems.push(`${route} as ${policy.owner}: the victim's rows are missing`);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('refuses the security admin and the auditor every download outside their duty (三员分立)', async () => {
    const problems: string[] = [];
    for (const actor of ['securityAdmin', 'auditor'] as const) {
      for (const { route, policy } of downloads) {
        if (policy.owner === actor) continue;
        const res = await get(victim.clients[actor], policy.path(victim));
        const text = await readable(res);
        if (res.status !== 403) problems.push(`${route} as ${actor}: ${res.status}, expected 403`);
        else if (!/[\u4e00-\u9fff]/.test(JSON.parse(text || '{}').message ?? ''))
          problems.push(`${route} as ${actor}: refusal without a Chinese message`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('serves REST and GraphQL requests under row-level security for the viewer’s tenant', async () => {
    // A restrictive policy only the tenant role is subject to: a request running in its tenant scope
    // no longer sees unit B; one that ran unscoped (as the table owner) still would.
    await t.db.query(`CREATE POLICY hide_unit_b ON unit AS RESTRICTIVE USING (id <> '${victim.unitB.id}')`);
    try {
      const office = victim.clients.officeAdmin;
      const sheet = await readable(await get(office, '/units/export.xlsx'));
      expect(sheet).toContain(victim.unitA.name);
      expect(sheet).not.toContain(victim.unitB.name);
      const names = (await office.ok(`{ units { name } }`)).units.map((u: { name: string }) => u.name);
      expect(names).toContain(victim.unitA.name);
      expect(names).not.toContain(victim.unitB.name);
    } finally {
      await t.db.query(`DROP POLICY hide_unit_b ON unit`);
    }
    expect(
      (await victim.clients.officeAdmin.ok(`{ units { name } }`)).units.map((u: { name: string }) => u.name),
    ).toContain(victim.unitB.name);
  });

  it('stores an upload in the uploader’s tenant scope', async () => {
    const writers = await recordWriters(t.db, 'stored_file');
    const liaison = victim.clients.liaisonA;
    const res = await liaison.agent
      .post('/files')
      .set('x-csrf-token', liaison.csrf)
      .attach('file', Buffer.from('已在门户网站公开'), '佐证.txt');
    expect(res.status).toBe(201);
    expect(await writers()).toEqual([{ who: 'duban_tenant', tenant: victim.tenant.id }]);
  });
});
