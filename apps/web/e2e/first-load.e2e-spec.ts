import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FIRST_LOAD_REPORT, type FirstLoadReport } from '../build/first-load-report.js';

/** What the build recorded about each first load (npm test builds first; `npm run build` by hand). */
const WEB_DIST = 'dist/web';
const SIGN_IN_BUDGET_BYTES = 300 * 1024;
/** Code no unit person's first view draws: charts, office and leadership pages, spreadsheet and Word code. */
const NOT_FOR_UNITS = [
  /node_modules\/(echarts|zrender)\//,
  /node_modules\/(exceljs|xlsx|docx)\//,
  /apps\/web\/src\/pages\/(office|plans|leadership|ledger|scorecard|review|settings|directory|documents|calendar|security|audit|levels)\//,
  /apps\/web\/src\/modules\/(charts|plan-import|scorecard|settings|audit)\//,
];

describe('the first load the build prepares', () => {
  let report: FirstLoadReport;
  let html: string;
  beforeAll(() => {
    const file = path.join(WEB_DIST, FIRST_LOAD_REPORT);
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
    report = JSON.parse(readFileSync(file, 'utf8'));
    html = readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
  });

  it('keeps the sign-in page’s JavaScript under 300 KB gzip', () => {
    expect(report.signIn.gzipBytes + report.signInPage.gzipBytes).toBeLessThan(SIGN_IN_BUDGET_BYTES);
    expect(report.signIn.modules.some((m) => /node_modules\/(echarts|zrender)\//.test(m))).toBe(false);
  });

  it('gives the unit’s home no charts, no office pages, no spreadsheet or Word code', () => {
    const unit = report.routes['/unit'];
    const all = [...report.signIn.modules, ...unit.modules];
    expect(all.filter((m) => NOT_FOR_UNITS.some((pattern) => pattern.test(m)))).toEqual([]);
    expect(unit.modules).toContain('apps/web/src/pages/unit/unit-home-page.tsx');
  });

  it('leaves antd’s Table out of the unit’s home: a phone draws cards, a wide screen loads the table apart', () => {
    // The components themselves (their locale files and contexts are a few hundred bytes, shared).
    const table =
      /node_modules\/(antd\/es\/table\/Table|@rc-component\/(table|tree|select)\/es\/(Table|Tree|Select))\.js$/;
    const unit = report.routes['/unit'];
    expect([...report.signIn.modules, ...unit.modules].filter((m) => table.test(m))).toEqual([]);
    expect(report.wide.modules.some((m) => table.test(m))).toBe(true);
  });

  it('gives the sign-in page and the unit’s home antd’s first stylesheet only, the wide screens the rest', () => {
    // The rest (pickers, uploads, steps, the task table's rules…) comes with the code that draws it.
    const linked = [...html.matchAll(/<link rel="stylesheet"[^>]* href="\/([^"]+)"/g)].map((m) => m[1]);
    expect(linked).toEqual(report.signIn.stylesheets);
    expect(linked).toHaveLength(1);
    expect(report.routes['/unit'].stylesheets).toEqual([]);
    const rest = report.wide.stylesheets;
    expect(rest).toEqual([expect.stringMatching(/^assets\/antd-rest-[\w-]+\.css$/)]);
    const css = (file: string) => readFileSync(path.join(WEB_DIST, file), 'utf8');
    // A component's own rules include one on its class alone (`.ant-card{…}`); others' rules may name it.
    const draws = (file: string) => (name: string) => css(file).includes(`}.ant-${name}{`);
    const first = draws(linked[0]);
    const later = draws(rest[0]);
    for (const name of ['card', 'btn', 'form', 'drawer', 'menu', 'tag'])
      expect({ name, first: first(name) }).toEqual({ name, first: true });
    for (const name of ['picker', 'select', 'steps', 'slider'])
      expect({ name, first: first(name), later: later(name) }).toEqual({ name, first: false, later: true });
    for (const name of ['card', 'btn', 'form']) expect({ name, later: later(name) }).toEqual({ name, later: false });
  });

  it('loads each home in a handful of files, ECharts after first paint', () => {
    for (const [route, load] of Object.entries(report.routes)) {
      // Six at most: a wide screen's home may add the sider's menu and the table, which imports antd's Form
      // (the phone's has three, checked below).
      expect({ route, files: load.files.length, few: load.files.length <= 6 }).toMatchObject({ route, few: true });
      expect(load.modules.filter((m) => /node_modules\/(echarts|zrender)\//.test(m))).toEqual([]);
    }
    expect(report.signIn.files.length).toBeLessThanOrEqual(3);
    // The sign-in form's chunk and antd's Form, which the liaison's home does not load.
    expect(report.signInPage.files).toHaveLength(2);
    expect(report.routes['/unit'].modules.filter((m) => m.startsWith('node_modules/@rc-component/form/'))).toEqual([]);
    expect(report.signIn.modules).not.toContain('apps/web/src/pages/login/login-page.tsx');
    // The liaison's home on a phone: the frame, the homes' shared code and the page; no menu, no table.
    expect(report.routes['/unit'].files).toHaveLength(3);
    expect(report.routes['/unit'].files.some((file) => /\/(menu|wide)-/.test(file))).toBe(false);
  });

  it('starts the first-load script inline in index.html before the app’s code, listing each home’s files', () => {
    // Inline: a file of its own would start the chunks and queries one round trip later.
    const script = /<script>([\s\S]+?)<\/script>\s*<script type="module"/.exec(html);
    expect(script).not.toBeNull();
    expect(html).not.toMatch(/first-load-[\w-]+\.js/);
    for (const load of [...Object.values(report.routes), report.wide, report.signInPage])
      for (const file of load.files) expect(script![1]).toContain(file);
  });
});
