// node --import ./tools/register-ts.mjs tools/synth/generate.ts --database-url <url> --seed 42 --today 2026-11-23
//   [--total-tasks 1000000] [--province-only] [--replace] [--concurrency 2] [--code-prefix synth]
import { parseArgs } from 'node:util';
import { DEFAULT_SYNTH_OPTIONS, generateSynthData, provinceCode, SYNTH_PASSWORD } from './synth.js';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    seed: { type: 'string', default: String(DEFAULT_SYNTH_OPTIONS.seed) },
    today: { type: 'string', default: DEFAULT_SYNTH_OPTIONS.today },
    'total-tasks': { type: 'string', default: String(DEFAULT_SYNTH_OPTIONS.totalTasks) },
    'province-only': { type: 'boolean', default: false },
    replace: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: String(DEFAULT_SYNTH_OPTIONS.concurrency) },
    'code-prefix': { type: 'string', default: DEFAULT_SYNTH_OPTIONS.codePrefix },
  },
});

const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error(
    'usage: generate.ts --database-url postgres://… [--seed 42] [--today 2026-11-23] [--total-tasks 1000000] [--province-only] [--replace]',
  );
  process.exit(2);
}

try {
  const result = await generateSynthData({
    databaseUrl,
    seed: Number(values.seed),
    today: values.today!,
    totalTasks: Number(values['total-tasks']),
    provinceOnly: values['province-only']!,
    replace: values.replace!,
    concurrency: Number(values.concurrency),
    codePrefix: values['code-prefix']!,
  });
  console.log(`done in ${result.seconds.toFixed(1)} s: ${result.tenants.length} tenants`);
  for (const [table, n] of Object.entries(result.rows)) console.log(`  ${table.padEnd(20)} ${n}`);
  console.log(
    `sign in to tenant ${provinceCode(values['code-prefix']!)} as office / staff / leader / u001.liaison / u001.leader with password ${SYNTH_PASSWORD}`,
  );
} catch (error) {
  console.error(`synthetic data generation failed: ${(error as Error).message}`);
  process.exit(1);
}
