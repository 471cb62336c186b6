import type request from 'supertest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { Factory, type Client } from '../../../test/factory.js';
import { httpRoutes } from './http-routes.js';
import { ACTOR_ROLE, buildTenantWorld, type Actor, type TenantWorld } from './isolation-world.js';
import { UPLOAD_POLICY, type UploadForm } from './operation-policy.js';
import { changedTables, tenantChecksum } from './tenant-checksum.js';

const CHINESE = /[\u4e00-\u9fff]/;

function fill(req: request.Test, form: UploadForm): request.Test {
  for (const [name, value] of Object.entries(form.fields ?? {})) req = req.field(name, value);
  if (form.file) req = req.attach('file', form.file.bytes, form.file.name);
  return req;
}

/**
 * The plain-HTTP upload endpoints (evidence files, plan documents, directory and account sheets, the
 * 开通通知 form), as the isolation test does for GraphQL: each is refused signed out, without the CSRF
 * header, to every role its policy leaves out, and to another tenant's office admin when the form names
 * the victim's rows, leaving the victim's rows unchanged; its rightful user gets through.
 */
describe('isolation of every upload endpoint', () => {
  let t: TestApp;
  let f: Factory;
  let victim: TenantWorld;
  let outsider: Client;
  const endpoints = Object.entries(UPLOAD_POLICY).map(([route, policy]) => ({
    route,
    path: policy.path ?? route.replace(/^POST /, ''),
    policy,
  }));

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    victim = await buildTenantWorld(f, t.db, '上传受害租户');
    outsider = await f.client(await f.tenant('上传外部租户办公厅'), 'OFFICE_ADMIN');
  }, 240_000);
  afterAll(() => t?.close());

  it('classifies every POST endpoint of the app', () => {
    expect(httpRoutes(t.app, 'post').sort()).toEqual(Object.keys(UPLOAD_POLICY).sort());
  });

  it('refuses the signed-out, a missing CSRF header, every other role and another tenant, and changes nothing', async () => {
    const forms = new Map<string, UploadForm>();
    for (const { route, policy } of endpoints) forms.set(route, await policy.form(victim, f, t.db));
    const before = await tenantChecksum(t.db, victim.tenant.id);
    const problems: string[] = [];
    const expectRefusal = (label: string, res: request.Response, status: number, code: string) => {
      if (res.status !== status || res.body?.code !== code || !CHINESE.test(res.body?.message ?? '')) {
        problems.push(`${label}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)} (expected ${status} ${code})`);
      }
    };
    for (const { route, path, policy } of endpoints) {
      const form = forms.get(route)!;
      expectRefusal(`${route} signed out`, await fill(t.http.post(path), form), 401, 'UNAUTHENTICATED');
      const allowed =
        victim.clients[(Object.keys(ACTOR_ROLE) as Actor[]).find((a) => policy.roles.includes(ACTOR_ROLE[a]))!];
      expectRefusal(`${route} without CSRF`, await fill(allowed.agent.post(path), form), 403, 'FORBIDDEN');
      for (const actor of Object.keys(ACTOR_ROLE) as Actor[]) {
        if (policy.roles.includes(ACTOR_ROLE[actor])) continue;
        const client = victim.clients[actor];
        expectRefusal(
          `${route} as ${actor}`,
          await fill(client.agent.post(path).set('x-csrf-token', client.csrf), form),
          403,
          'FORBIDDEN',
        );
      }
      if (policy.namesRows) {
        const res = await fill(outsider.agent.post(path).set('x-csrf-token', outsider.csrf), form);
        if (res.status < 400 || res.status >= 500) problems.push(`${route} by another tenant: ${res.status}`);
      }
    }
    expect(problems).toEqual([]);
    expect(changedTables(before, await tenantChecksum(t.db, victim.tenant.id))).toEqual([]);
  }, 120_000);

  it('lets the rightful user through (the refusals are not vacuous)', async () => {
    const failures: string[] = [];
    for (const { route, path, policy } of endpoints) {
      const actor = (Object.keys(ACTOR_ROLE) as Actor[]).find((a) => policy.roles.includes(ACTOR_ROLE[a]))!;
      const client = victim.clients[actor];
      const res = await fill(
        client.agent.post(path).set('x-csrf-token', client.csrf),
        await policy.form(victim, f, t.db),
      );
      if (res.status < 200 || res.status >= 300)
        failures.push(`${route} as ${actor}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
