import { planPackages, probePackages } from '../packages.js';
import { formatTable, scenarioVerdict, type ScenarioResult } from '../table.js';

const figures = {
  acknowledged: 120,
  lost: 0,
  duplicated: 0,
  failed: 10,
  recoverySeconds: 12.3,
  exits: 0,
  dishonestSeconds: 0,
};
const result = (over: Partial<ScenarioResult> = {}): ScenarioResult => ({
  name: 'kill-primary',
  title: 'kill -9',
  figures,
  checks: [],
  notes: [],
  error: null,
  seconds: 90,
  ...over,
});

describe('scenarioVerdict', () => {
  it('passes a scenario whose figures are all within bounds', () => {
    expect(scenarioVerdict(result(), 30)).toEqual({ pass: true, reasons: [] });
  });

  it('names every reason a scenario fails', () => {
    const r = result({
      figures: { ...figures, lost: 1, duplicated: 2, exits: 1, dishonestSeconds: 4, recoverySeconds: 46 },
      checks: [{ name: 'exactly one daily run for the day', ok: false, detail: '0 run(s)' }],
    });
    expect(scenarioVerdict(r, 30).reasons).toEqual([
      '1 acknowledged write(s) lost',
      '2 write(s) duplicated',
      '1 API process exit(s)',
      '/readyz dishonest for 4 s',
      'writes recovered after 46 s (limit 30 s)',
      'exactly one daily run for the day: no (0 run(s))',
    ]);
  });

  it('fails a scenario that never recovered, never wrote, or stopped with an error', () => {
    expect(scenarioVerdict(result({ figures: { ...figures, recoverySeconds: null } }), 30).reasons).toEqual([
      'writes did not recover',
    ]);
    expect(scenarioVerdict(result({ figures: { ...figures, acknowledged: 0 } }), 30).pass).toBe(false);
    expect(scenarioVerdict(result({ figures: null, error: 'did not finish within 9 min' }), 30).reasons).toEqual([
      'did not finish within 9 min',
      'no figures (the load never ran)',
    ]);
  });
});

describe('formatTable', () => {
  it('prints one row per scenario with its figures and result, then the reasons', () => {
    const table = formatTable(
      [result(), result({ name: 'stop-primary', figures: { ...figures, recoverySeconds: null } })],
      30,
    );
    const [header, , first, second] = table.split('\n');
    expect(header).toMatch(
      /^\| scenario\s+\| acked \| lost \| dup \| failed \| recovery s \| exits \| readyz dishonest s \| result \|$/,
    );
    expect(first).toMatch(/^\| kill-primary \|\s+120 \|\s+0 \|\s+0 \|\s+10 \|\s+12\.3 \|\s+0 \|\s+0 \| pass\s+\|$/);
    expect(second).toMatch(/\|\s+never \|.*\| FAIL\s+\|$/);
    expect(table).toContain('stop-primary — kill -9 (90 s): writes did not recover');
  });
});

describe('packages', () => {
  const none = () => false;
  it('is ready when every package is there', () => {
    expect(planPackages(probePackages(() => true))).toEqual({ action: 'ready' });
  });

  it('installs what is missing as root with apt, and otherwise stops with the command to run', () => {
    const facts = probePackages((file) => file === '/usr/bin/apt-get');
    expect(planPackages({ ...facts, root: true })).toEqual({
      action: 'install',
      packages: ['postgresql-15', 'patroni', 'python3-etcd', 'etcd-server', 'haproxy', 'pgbouncer', 'faketime'],
    });
    const stop = planPackages({ ...probePackages(none), root: false });
    expect(stop.action).toBe('stop');
    expect(stop.action === 'stop' && stop.message).toContain(
      'sudo apt-get update && sudo apt-get install -y postgresql-15 patroni python3-etcd etcd-server haproxy pgbouncer faketime',
    );
  });
});
