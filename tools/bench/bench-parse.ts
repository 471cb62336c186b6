// `npm run bench:parse`: per seed document, the median parse time, throughput, and the ratio to one
// plain regular-expression pass over the same text (the floor any parser pays to read the text once).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parsePlan } from '@duban/plan-parser';

const dir = path.resolve(process.cwd(), process.argv[2] ?? '../shared/fixtures/documents');
const RUNS = 400;
const BLOCKS = 10;
const WARMUP_ROUNDS = 300;
const TARGET_MS_PER_15KB = 10;
const TARGET_RATIO = 20;

function median(samples: number[]): number {
  const s = samples.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Samples `fn` in `block` consecutive timed runs (after a few untimed ones), appended to `samples`.
 * The parser and the reference are sampled in alternating blocks, so load from other processes
 * on a shared machine falls on both alike, while each still runs in a tight, warm loop.
 */
function sampleBlock(fn: () => unknown, block: number, samples: number[]): void {
  for (let i = 0; i < 3; i++) fn();
  for (let i = 0; i < block; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
}

function time(parse: () => unknown, reference: () => unknown): { parseMs: number; regexMs: number } {
  const parseSamples: number[] = [];
  const regexSamples: number[] = [];
  for (let b = 0; b < BLOCKS; b++) {
    sampleBlock(parse, RUNS / BLOCKS, parseSamples);
    sampleBlock(reference, RUNS / BLOCKS, regexSamples);
  }
  return { parseMs: median(parseSamples), regexMs: median(regexSamples) };
}

// The reference: one global regex over the whole text that finds what a minimal structure scan must
// find — every line's numbering label (`一、` `(一)` `1.` `1、` `①`) and every bracketed group
// (where unit annotations live). It visits every line start and every bracket once.
const REFERENCE =
  /^[ \t\u3000]*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,3}[.、．]|[①-⑳])|[(（〔【[][^()（）〔〕【】[\]\n]{0,400}[)）〕】\]]/gmu;

function singleRegexPass(text: string): number {
  REFERENCE.lastIndex = 0;
  let n = 0;
  for (let m = REFERENCE.exec(text); m; m = REFERENCE.exec(text)) {
    if (m[0].length === 0) REFERENCE.lastIndex++;
    n++;
  }
  return n;
}

const rows: string[][] = [];
let worstPer15k = 0;
let worstRatio = 0;
const docs = readdirSync(dir)
  .filter((f) => /\.txt$/u.test(f))
  .sort()
  .map((file) => ({ file, text: readFileSync(path.join(dir, file), 'utf8') }));
// Warm up the JIT on every document first: the optimised code for the parser (and the compiled
// reference regex) is in place before the first sample of any document is taken.
for (let r = 0; r < WARMUP_ROUNDS; r++) {
  for (const { text } of docs) {
    parsePlan(text);
    singleRegexPass(text);
  }
}
console.log(`reference: one pass of ${REFERENCE}\n`);
for (const { file, text } of docs) {
  const bytes = Buffer.byteLength(text);
  const { parseMs, regexMs } = time(() => parsePlan(text), () => singleRegexPass(text));
  const per15k = (parseMs * 15 * 1024) / bytes;
  const ratio = parseMs / regexMs;
  worstPer15k = Math.max(worstPer15k, per15k);
  worstRatio = Math.max(worstRatio, ratio);
  rows.push([
    file,
    (bytes / 1024).toFixed(1),
    parseMs.toFixed(3),
    (bytes / 1024 / 1024 / (parseMs / 1000)).toFixed(1),
    per15k.toFixed(3),
    regexMs.toFixed(3),
    ratio.toFixed(1) + '×',
  ]);
}
const head = ['document', 'KB', 'median ms', 'MB/s', 'ms/15KB', 'regex ms', 'ratio'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
// A document of 1 MB (the documents above one after another, as written and flattened to one
// line) must parse well under a second.
const TARGET_MB_MS = 1000;
let megabyte = '';
for (let k = 0; megabyte.length < 1_000_000; k++) megabyte += docs[k % docs.length].text + '\n';
let worstMb = 0;
for (const [label, text] of [['1 MB, as written', megabyte], ['1 MB, one line', megabyte.replace(/\n/gu, '')]] as const) {
  parsePlan(text);
  const samples: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    parsePlan(text);
    samples.push(performance.now() - t);
  }
  worstMb = Math.max(worstMb, median(samples));
  console.log(`${label}: median ${median(samples).toFixed(0)} ms`);
}
console.log(
  `\nworst: ${worstPer15k.toFixed(2)} ms per 15 KB (target < ${TARGET_MS_PER_15KB}), ${worstRatio.toFixed(1)}× a single regex pass (target ≤ ${TARGET_RATIO}×)` +
    `, ${worstMb.toFixed(0)} ms per MB (target < ${TARGET_MB_MS})` +
    (worstPer15k < TARGET_MS_PER_15KB && worstRatio <= TARGET_RATIO && worstMb < TARGET_MB_MS ? ' — OK' : ' — MISSED'),
);
