import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Factory, type Client, type TestTenant, type TestUnit } from '../../test/factory.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { FIRST_TASK_CARDS, FIRST_TASKS_MARKER, firstScreenTasks } from '../common/first-screen-tasks.js';

/**
 * The liaison's first task cards, drawn by the server into the signed-in frame it sends for /unit
 * (common/first-screen-tasks.ts): that person's unit's tasks only, as the app's list orders them, every
 * field escaped, never for anyone else, and never a reason for the page to fail or wait.
 */
describe("the liaison's first task cards in the page", () => {
  const page = (root: string, script = "window.firstLoad = 'yes';") =>
    `<!doctype html><html><head><script>${script}</script></head><body><div id="root">${root}</div></body></html>`;
  const plain = page('');
  const frame = page(`<div data-first-screen="frame"><div inert></div>${FIRST_TASKS_MARKER}</div>`);
  const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const hostile = `<script>window.pwned=1</script>"><img src=x onerror="window.pwned=2">&amp;`;

  let t: TestApp;
  let dist: string;
  let f: Factory;
  let tenant: TestTenant;
  let unit: TestUnit;
  let liaison: Client;
  let ownTitles: string[];
  let othersTitles: string[];
  let othersIds: string[];
  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'duban-web-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), plain);
    writeFileSync(path.join(dist, 'index.frame.html'), frame);
    t = await createTestApp({ WEB_DIST: dist });
    f = new Factory(t);
    tenant = await f.tenant();
    unit = await f.unit(tenant, '市教育局');
    const neighbour = await f.unit(tenant, '市财政局');
    // Ten of the unit's tasks (more than the cards) and ten of its neighbour's, interleaved.
    const made = await f.tasks(tenant, [unit, neighbour], 20, {
      title: (i) => (i === 0 ? hostile : `要点${i + 1}`),
      dueDate: (i) => `2026-${String(1 + (i % 12)).padStart(2, '0')}-15`,
    });
    ownTitles = made.tasks.filter((x) => x.unitId === unit.id).map((x) => x.title);
    othersTitles = made.tasks.filter((x) => x.unitId !== unit.id).map((x) => x.title);
    othersIds = made.tasks.filter((x) => x.unitId !== unit.id).map((x) => x.id);
    // Another tenant's unit with tasks of its own.
    const elsewhere = await f.tenant('另一省人民政府办公厅');
    const elsewhereUnit = await f.unit(elsewhere, '市教育局');
    const theirs = await f.tasks(elsewhere, [elsewhereUnit], 8, { title: (i) => `外省要点${i + 1}` });
    othersTitles.push(...theirs.tasks.map((x) => x.title));
    othersIds.push(...theirs.tasks.map((x) => x.id));
    await t.db.query(`UPDATE task SET light = 'RED', status = 'IN_PROGRESS' WHERE id = $1`, [made.tasks[2].id]);
    liaison = await f.client(tenant, 'UNIT_LIAISON', unit);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const open = (client: Client | null, address = '/unit') =>
    (client ? client.agent.get(address) : t.http.get(address)).set('Accept', 'text/html');
  const listOf = (html: string) => /<section data-first-screen-list[\s\S]*<\/section>/.exec(html)?.[0] ?? null;
  const linksOf = (html: string) => [...html.matchAll(/href="\/unit\?task=([0-9a-f-]+)"/g)].map((m) => m[1]);

  it('draws the unit’s first cards, in the app’s order, each a link to the task with its light, status and due date', async () => {
    const res = await open(liaison);
    expect(res.status).toBe(200);
    const list = listOf(res.text);
    expect(list).not.toBeNull();
    // The frame around it is the built one, the marker replaced.
    expect(res.text.replace(list!, FIRST_TASKS_MARKER)).toBe(frame);
    const { myTasks } = await liaison.ok(
      `{ myTasks(first: ${FIRST_TASK_CARDS}) { nodes { id dueDate light status keyPoint { label title } } } }`,
    );
    expect(linksOf(list!)).toEqual(myTasks.nodes.map((n: { id: string }) => n.id));
    expect(linksOf(list!)).toHaveLength(FIRST_TASK_CARDS);
    // The red one first, its light in words as well as colour.
    const first = /<li>[\s\S]*?<\/li>/.exec(list!)![0];
    expect(first).toContain('data-light="RED"');
    expect(first).toContain('红灯');
    expect(first).toContain('推进中');
    expect(first).toContain(`截止 ${myTasks.nodes[0].dueDate}`);
    expect(first).toContain(`${myTasks.nodes[0].keyPoint.label} ${myTasks.nodes[0].keyPoint.title}`);
  });

  it('escapes every title: a script in one is text, never markup', async () => {
    const list = listOf((await open(liaison)).text)!;
    expect(ownTitles).toContain(hostile);
    expect(list).toContain(
      '&lt;script&gt;window.pwned=1&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=&quot;window.pwned=2&quot;&gt;&amp;amp;',
    );
    expect(list).not.toMatch(/<script>window|<img|onerror="/);
  });

  it('never shows another unit’s or another tenant’s tasks', async () => {
    const res = await open(liaison);
    for (const title of othersTitles) expect(res.text).not.toContain(`> ${title}<`);
    for (const id of othersIds) expect(res.text).not.toContain(id);
    // A liaison of the neighbouring unit sees only that unit's.
    const neighbourUnit = await t.db.query(`SELECT id, name FROM unit WHERE tenant_id = $1 AND name = '市财政局'`, [
      tenant.id,
    ]);
    const neighbour = await f.client(tenant, 'UNIT_LIAISON', { ...neighbourUnit.rows[0], tenantId: tenant.id });
    const theirs = linksOf((await open(neighbour)).text);
    expect(theirs).toHaveLength(FIRST_TASK_CARDS);
    for (const id of theirs) expect(othersIds).toContain(id);
  });

  it('draws none for someone signed out, an unknown or ended session, or the office', async () => {
    expect((await open(null)).text).toBe(plain);
    expect((await t.http.get('/unit').set('Accept', 'text/html').set('Cookie', 'duban_session=anything')).text).toBe(
      frame,
    );
    const office = await f.client(tenant, 'OFFICE_ADMIN');
    expect((await open(office)).text).toBe(frame);
    // A session past its lifetime: the frame without anyone's data (the app then asks to sign in).
    const other = await f.client(tenant, 'UNIT_LIAISON', unit);
    await t.db.query(`UPDATE user_session SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [
      other.user.id,
    ]);
    expect((await open(other)).text).toBe(frame);
    // The page leaves that session for the app's first query to end, which says why.
    const first = await other.gql('{ myTasks(first: 1) { totalCount } }');
    expect(first.errors?.[0]?.message).toBe('登录已超过最长有效时间，请重新登录');
    // Signed out: the cookie the browser still holds leads nowhere.
    const leaving = await f.client(tenant, 'UNIT_LIAISON', unit);
    const cookie = leaving.agent.jar
      .getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false })
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    await leaving.ok('mutation { signOut }');
    expect((await t.http.get('/unit').set('Accept', 'text/html').set('Cookie', cookie)).text).toBe(frame);
  });

  it('draws none on a filtered list or another page', async () => {
    for (const address of ['/unit?light=RED', '/unit?q=要点', '/unit/approvals', '/office'])
      expect([address, listOf((await open(liaison, address)).text)]).toEqual([address, null]);
    // A task opened over the list keeps the list's first cards under it.
    expect(listOf((await open(liaison, '/unit?task=x')).text)).not.toBeNull();
  });

  it('is that person’s page alone: never stored, varied on the cookie, under the same policy', async () => {
    const mine = await open(liaison).set('Accept-Encoding', 'br');
    expect(mine.headers['content-encoding']).toBe('br');
    expect(mine.headers['cache-control']).toBe('private, no-store');
    expect(mine.headers.vary).toMatch(/Cookie/);
    const signedOut = await open(null);
    expect(mine.headers['content-security-policy']).toBe(signedOut.headers['content-security-policy']);
    expect(mine.headers['content-security-policy']).toContain(sha256("window.firstLoad = 'yes';"));
    // The cards bring no script: the page's only one is the built page's.
    expect(mine.text.match(/<script/g)).toHaveLength(1);
    expect(mine.text).not.toMatch(/\son[a-z]+="/i);
  });

  it('sends the page without the cards when reading them is slow or fails', async () => {
    const req = { header: () => undefined, cookies: {} };
    const stuck = {
      sessions: { peekRequest: () => new Promise<never>(() => undefined) },
      tasks: { myTasks: null! },
    };
    // A read that never ends: the budget (FIRST_TASKS_BUDGET_MS) answers for it.
    await expect(firstScreenTasks(stuck, req)).resolves.toBeNull();
    const failing = {
      sessions: { peekRequest: () => Promise.reject(new Error('database gone')) },
      tasks: { myTasks: null! },
    };
    await expect(firstScreenTasks(failing, req)).resolves.toBeNull();
  });
});
