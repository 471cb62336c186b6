import { toMatchText } from './char-normalize.js';

/** A key point as the proposer reads it: its own words and, as a hint, its section's title. */
export interface LinkCandidate {
  id: string;
  title: string;
  text?: string;
  sectionTitle?: string | null;
}

export interface LinkProposal {
  lowerId: string;
  upperId: string;
  /** 0–1: how alike the two key points read. */
  score: number;
}

export interface ProposeOptions {
  /** Below this nothing is proposed (the office links by hand). */
  minScore?: number;
  /** Further upper key points are proposed when they score at least this share of the best one. */
  alsoWithin?: number;
  /** At most this many upper key points per lower key point. */
  maxPerLower?: number;
}

const DEFAULTS: Required<ProposeOptions> = { minScore: 0.12, alsoWithin: 0.85, maxPerLower: 3 };
const WEIGHTS = { title: 0.55, text: 0.35, section: 0.1 };
/** Longer inputs are cut: a key point's text is a paragraph, and the proposer must stay linear and bounded. */
const MAX_CHARS = 4000;
/** Traditional documents copied from Taiwan-style converters write 最佳化 for 优化. */
const PHRASES: [RegExp, string][] = [[/最佳化/g, '优化']];
/** Numbering and the unit annotation say nothing about what a key point is about. */
const LABEL = /^\s*(?:[(（]?[一二三四五六七八九十百\d]+[)）、.．]\s*)+/;
const ANNOTATION = /[(（][^()（）]*(?:牵头|责任|落实|负责)[^()（）]*[)）]/g;

/** Simplified, without numbering, annotations, punctuation or spaces: only the words that carry meaning. */
export function linkText(value: string): string {
  let text = toMatchText(value.slice(0, MAX_CHARS));
  for (const [pattern, replacement] of PHRASES) text = text.replace(pattern, replacement);
  return text
    .replace(LABEL, '')
    .replace(ANNOTATION, '')
    .replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');
}

type Vector = Map<string, number>;

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const gram = text.slice(i, i + 2);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/**
 * Inverse document frequency over both plans' key points: words every key point uses (政务公开, 推进,
 * 围绕) weigh little, the words that tell key points apart (政策解读, 政府网站, 热线) weigh much.
 */
function idfOf(documents: Map<string, number>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of documents) for (const gram of doc.keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [gram, n] of df) idf.set(gram, Math.log(1 + documents.length / n));
  return idf;
}

function weigh(counts: Map<string, number>, idf: Map<string, number>): Vector {
  const vector: Vector = new Map();
  let norm = 0;
  for (const [gram, n] of counts) {
    const w = (1 + Math.log(n)) * (idf.get(gram) ?? 0);
    vector.set(gram, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [gram, w] of vector) vector.set(gram, w / norm);
  return vector;
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [gram, w] of small) sum += w * (large.get(gram) ?? 0);
  return sum;
}

interface Prepared {
  id: string;
  title: Vector;
  text: Vector;
  section: Vector;
}

interface Counted {
  id: string;
  title: Map<string, number>;
  text: Map<string, number>;
  section: Map<string, number>;
}

function prepare(list: LinkCandidate[]): Counted[] {
  return list.map((c) => ({
    id: c.id,
    title: bigrams(linkText(c.title)),
    text: bigrams(linkText(c.text || c.title)),
    section: bigrams(linkText(c.sectionTitle ?? '')),
  }));
}

/**
 * For each lower key point, the upper key points it most likely implements: character-bigram cosine
 * of title and text (tf-idf over both plans), the section titles as a small hint. Traditional and
 * simplified characters, full- and half-width punctuation, numbering and unit annotations do not
 * matter. A proposal is only a proposal: the office confirms, changes or removes it.
 */
export function proposeUpperLinks(
  lower: LinkCandidate[],
  upper: LinkCandidate[],
  options: ProposeOptions = {},
): LinkProposal[] {
  const o = { ...DEFAULTS, ...options };
  const lowerRaw = prepare(lower);
  const upperRaw = prepare(upper);
  const all = [...lowerRaw, ...upperRaw];
  const idf = idfOf(all.flatMap((c) => [c.title, c.text]));
  const sectionIdf = idfOf(all.map((c) => c.section));
  const vectors = (raw: Counted[]): Prepared[] =>
    raw.map((c) => ({
      id: c.id,
      title: weigh(c.title, idf),
      text: weigh(c.text, idf),
      section: weigh(c.section, sectionIdf),
    }));
  const uppers = vectors(upperRaw);
  const proposals: LinkProposal[] = [];
  for (const l of vectors(lowerRaw)) {
    const scored = uppers
      .map((u) => ({
        upperId: u.id,
        score:
          WEIGHTS.title * cosine(l.title, u.title) +
          WEIGHTS.text * Math.max(cosine(l.text, u.text), cosine(l.title, u.text), cosine(l.text, u.title)) +
          WEIGHTS.section * cosine(l.section, u.section),
      }))
      .sort((a, b) => b.score - a.score || a.upperId.localeCompare(b.upperId));
    const best = scored[0];
    if (!best || best.score < o.minScore) continue;
    for (const s of scored.slice(0, o.maxPerLower)) {
      if (s.score < o.minScore || s.score < best.score * o.alsoWithin) break;
      proposals.push({ lowerId: l.id, upperId: s.upperId, score: Math.round(s.score * 1000) / 1000 });
    }
  }
  return proposals;
}
