// Jest's order for `npm test`: the slowest test files first, so the two workers end together instead of
// one running a two-minute browser journey alone at the end. Jest orders by the durations in its own
// cache, which a fresh clone (CI) does not have: there it fell back to file size, a poor guess (the
// accessibility file is small and among the slowest). tools/test-durations.json gives each slow file's
// seconds from a full run; files it does not name keep jest's order, after the named ones. Refresh it
// from a run's report: node tools/test-sequencer.mjs tmp/test-results/jest.json
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Sequencer from '@jest/test-sequencer';

const HINTS = fileURLToPath(new URL('./test-durations.json', import.meta.url));
const ROOT = path.dirname(path.dirname(HINTS));

export default class SlowestFirstSequencer extends Sequencer {
  sort(tests) {
    const hints = JSON.parse(readFileSync(HINTS, 'utf8'));
    const seconds = (test) => hints[path.relative(ROOT, test.path)] ?? -1;
    // Array.prototype.sort is stable: unnamed files keep jest's order among themselves.
    return [...super.sort(tests)].sort((a, b) => seconds(b) - seconds(a));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = JSON.parse(readFileSync(process.argv[2] ?? 'tmp/test-results/jest.json', 'utf8'));
  const hints = Object.fromEntries(
    report.testResults
      .map((t) => [path.relative(ROOT, t.name), Math.round((t.endTime - t.startTime) / 1000)])
      .filter(([, s]) => s >= 3)
      .sort((a, b) => b[1] - a[1]),
  );
  writeFileSync(HINTS, JSON.stringify(hints, null, 2) + '\n');
  process.stdout.write(`${Object.keys(hints).length} files of 3 s or more written to ${HINTS}\n`);
}
