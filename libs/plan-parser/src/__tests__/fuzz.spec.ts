import { parsePlan, decodeText, DocumentReadError } from '../index.js';
import { cpuMs, fixtureNames, fixtureText, prng } from './fixtures.js';

// Seeded so a failure reproduces: the failing seed and case number are in the assertion message.

const SEED = 20260601;
const CASES = 2500;
// A hang or catastrophic backtracking takes seconds to forever; a normal parse takes under a
// millisecond. The bound is on the test process's CPU time, not the clock: on a shared machine with
// fifteen runnable processes on two cores, one 10 KB case took 6 s of clock.
const PER_DOC_MS = 2000;
const PIECES = [
  '(',
  ')',
  '（',
  '〔',
  '】',
  '、',
  '牵头单位:',
  '责任单位：',
  '等有关部门',
  '各',
  '一、',
  '(一)',
  '1.',
  '（1）',
  '月底前',
  '年内',
  '个工作日内',
  '\n',
  ' ',
  '??',
  '会同',
  '落实',
  '2021年',
];

function mutate(rand: () => number, docs: string[]): string {
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)];
  let text = pick(docs);
  const steps = 1 + Math.floor(rand() * 4);
  for (let s = 0; s < steps; s++) {
    const op = Math.floor(rand() * 8);
    const at = Math.floor(rand() * (text.length + 1));
    if (op === 0) text = text.slice(0, at);
    else if (op === 1) text = text.slice(at) + text.slice(0, at);
    else if (op === 2) {
      const lines = text.split('\n');
      for (let i = lines.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [lines[i], lines[j]] = [lines[j], lines[i]];
      }
      text = lines.join('\n');
    } else if (op === 3) {
      let junk = '';
      for (let i = 0; i < 200; i++) junk += String.fromCodePoint(Math.floor(rand() * 0x2ffff));
      text = text.slice(0, at) + junk + text.slice(at);
    } else if (op === 4) text = text.slice(0, at) + pick(PIECES).repeat(1 + Math.floor(rand() * 3000)) + text.slice(at);
    else if (op === 5) text = text.slice(0, at) + text.slice(at, at + 2000).repeat(3) + text.slice(at);
    else if (op === 6)
      text = text.replace(/\n/gu, ''); // one huge line
    else {
      let soup = '';
      for (let i = 0; i < 400; i++) soup += pick(PIECES);
      text = text.slice(0, at) + soup + text.slice(at);
    }
  }
  return text;
}

describe('fuzz: random and mutated documents', () => {
  const docs = fixtureNames().map(fixtureText);

  it(`parses ${CASES} documents, each within ${PER_DOC_MS} ms of CPU`, () => {
    const rand = prng(SEED);
    let slowest = 0;
    for (let n = 0; n < CASES; n++) {
      const text = mutate(rand, docs);
      const started = cpuMs();
      const plan = parsePlan(text);
      const ms = cpuMs() - started;
      slowest = Math.max(slowest, ms);
      if (ms > PER_DOC_MS)
        throw new Error(`seed ${SEED} case ${n}: ${ms.toFixed(0)} ms of CPU for ${text.length} chars`);
      expect(Array.isArray(plan.items)).toBe(true);
      for (const item of plan.items) expect(typeof item.title).toBe('string');
    }
    expect(slowest).toBeLessThan(PER_DOC_MS);
  });

  it('decodes random bytes to text or refuses them with a typed error', () => {
    const rand = prng(SEED + 1);
    for (let n = 0; n < 300; n++) {
      const bytes = new Uint8Array(1 + Math.floor(rand() * 4000)).map(() => Math.floor(rand() * 256));
      try {
        parsePlan(decodeText(bytes));
      } catch (e) {
        expect(e).toBeInstanceOf(DocumentReadError);
      }
    }
  });
});
