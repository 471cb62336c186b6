// The integration tests' jest environment: Node's, plus the CPU each file cost, recorded when
// DUBAN_FILE_CPU_DIR is set (npm test sets it; tools/test.mjs prints the sums). That is the jest
// worker's CPU (importing and booting the app, the tests' own work) and that of the child processes
// the file started and waited for (API and CLI processes, a PostgreSQL of its own); the run's shared
// PostgreSQL is not in it. Unlike a file's seconds it hardly moves with the machine's load, so runs on
// a busy machine can still be compared. Setup runs before the file is imported and teardown after its
// last hook, so imports and clean-up are both counted.
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TestEnvironment } from 'jest-environment-node';

/** CPU ms of the child processes this process has reaped so far (Linux's /proc; 0 elsewhere). */
function reapedChildrenMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // cutime and cstime, in clock ticks of 10 ms.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
}

function ownMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function phases(start, marks, end) {
  const { imported = start, firstTest = imported, finished = firstTest } = marks;
  const ms = (from, to) => Math.round(to - from);
  return {
    importMs: ms(start, imported),
    beforeFirstTestMs: ms(imported, firstTest),
    testsMs: ms(firstTest, finished),
    teardownMs: ms(finished, end),
  };
}

export default class CpuRecordingEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
    this.dir = process.env.DUBAN_FILE_CPU_DIR;
  }

  async setup() {
    await super.setup();
    this.start = { own: ownMs(), children: reapedChildrenMs(), wall: Date.now() };
    this.marks = {};
  }

  // Where the worker's own CPU went: importing the file (and the app), its hooks before the first test
  // (booting the app, arranging data), the tests and later hooks, and the teardown.
  handleTestEvent(event) {
    if (!this.dir || !this.start) return;
    const at = (name) => (this.marks[name] ??= ownMs());
    if (event.name === 'run_start') at('imported');
    else if (event.name === 'test_fn_start') at('firstTest');
    else if (event.name === 'run_finish') at('finished');
  }

  async teardown() {
    await super.teardown();
    if (!this.dir || !this.start) return;
    mkdirSync(this.dir, { recursive: true });
    const line = {
      file: path.relative(process.cwd(), this.testPath),
      ownMs: Math.round(ownMs() - this.start.own),
      childrenMs: reapedChildrenMs() - this.start.children,
      wallMs: Date.now() - this.start.wall,
      phases: phases(this.start.own, this.marks, ownMs()),
    };
    appendFileSync(path.join(this.dir, `${process.pid}.jsonl`), JSON.stringify(line) + '\n');
  }
}
