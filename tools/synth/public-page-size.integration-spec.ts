import { createTestApp, type TestApp } from '../../apps/api/test/test-app.js';
import { generateSynthData, provinceCode } from './synth.js';
import { PROVINCE_SHAPE } from './tenant-shape.js';

const KB = 1024;

/**
 * The public page of the bench's province plan (about a hundred key points, forty units each, most of
 * them county governments) must stay under 100 KB of HTML. One year of the province shape is enough:
 * the page shows one plan. Sizes are deterministic for a seed, so this is no timing test.
 */
describe('the public page of a province-shaped plan', () => {
  let t: TestApp;
  let path: string;
  beforeAll(async () => {
    t = await createTestApp();
    await generateSynthData({
      databaseUrl: t.databaseUrl,
      seed: 42,
      today: '2026-11-23',
      provinceOnly: true,
      province: { ...PROVINCE_SHAPE, years: 1, reportsPerTask: 1 },
      log: () => undefined,
    });
    const { rows } = await t.db.query(
      `UPDATE plan p SET public_page = true FROM tenant t
        WHERE t.id = p.tenant_id AND t.code = $1 AND p.title LIKE '%政务公开工作要点' RETURNING p.year`,
      [provinceCode('synth')],
    );
    path = `/gk/${provinceCode('synth')}/${rows[0].year}`;
  });
  afterAll(() => t?.close());

  it('is under 100 KB of HTML and names every unit of every key point', async () => {
    const res = await t.http.get(path).set('Accept-Encoding', 'identity');
    expect(res.status).toBe(200);
    const html = res.text;
    const { rows } = await t.db.query<{ seq: number; units: string[] }>(
      `SELECT k.seq, array_agg(u.name ORDER BY u.name) AS units
         FROM key_point k JOIN plan p ON p.id = k.plan_id JOIN tenant tn ON tn.id = p.tenant_id
         JOIN task tk ON tk.key_point_id = k.id AND tk.kind = 'NORMAL' JOIN unit u ON u.id = tk.unit_id
        WHERE tn.code = $1 AND p.public_page GROUP BY k.seq ORDER BY k.seq`,
      [provinceCode('synth')],
    );
    const tasks = rows.reduce((n, r) => n + r.units.length, 0);
    expect(rows.length).toBeGreaterThanOrEqual(90);
    expect(tasks / rows.length).toBeGreaterThanOrEqual(30);
    // Each row's unit cells, read back to full names (a run of governments is printed once with the suffix).
    const cells = [...html.matchAll(/<tr data-state=\w+[^>]*><td>(\d+)<th[^>]*>.*?<td>([^<]*)<td>([^<]*)<td>/g)];
    expect(cells).toHaveLength(rows.length);
    for (const [, no, lead, responsible] of cells) {
      const printed = `${lead}、${responsible}`.split('、');
      const expected = rows.find((r) => r.seq === Number(no))!.units;
      const named = expected.filter(
        (u) => printed.includes(u) || (u.endsWith('人民政府') && printed.some((p) => p === u.slice(0, -4) || p === u)),
      );
      expect([no, named]).toEqual([no, expected]);
    }
    const size = Buffer.byteLength(html);
    // superagent decodes brotli itself: the size as sent is the Content-Length.
    const br = await t.http.get(path).set('Accept-Encoding', 'br');
    expect([br.headers['content-encoding'], br.text === html]).toEqual(['br', true]);
    const sent = Number(br.headers['content-length']);
    expect(sent).toBeLessThan(size / 5);
    console.log(
      `province plan public page: ${rows.length} key points, ${tasks} units, ${(size / KB).toFixed(1)} KB HTML, ` +
        `${(sent / KB).toFixed(1)} KB as sent with brotli`,
    );
    expect(size).toBeLessThan(100 * KB);
  });
});
