import type { AnswerEncodings } from '../../common/compressed-answers.js';

/** An answer kept with the stamp of the data it was computed from. */
export interface KeptAnswer {
  stamp: string;
  /** The result's data, handed to Apollo as is on a hit (its JSON is already written, see query-limits). */
  data: Record<string, unknown>;
  /** Its JSON's length; the compressed forms, a fifth of it or less, are not counted. */
  bytes: number;
  /** Its JSON compressed for the encodings asked so far, each made once. */
  encodings: AnswerEncodings;
}

/**
 * The answers this process keeps, least recently used first, bounded by count and by the size of their
 * JSON (the parsed data takes roughly as much again on the heap). An answer is only ever used when its
 * stamp is the one just read from the database, so dropping one costs a recomputation, nothing more.
 */
export class AnswerStore {
  private readonly answers = new Map<string, KeptAnswer>();
  private bytes = 0;

  constructor(
    private readonly maxAnswers: number,
    private readonly maxBytes: number,
  ) {}

  get(key: string, stamp: string): KeptAnswer | null {
    const kept = this.answers.get(key);
    if (!kept) return null;
    if (kept.stamp !== stamp) {
      this.drop(key, kept);
      return null;
    }
    // Most recently used last.
    this.answers.delete(key);
    this.answers.set(key, kept);
    return kept;
  }

  set(key: string, answer: KeptAnswer): void {
    const old = this.answers.get(key);
    if (old) this.drop(key, old);
    if (answer.bytes > this.maxBytes / 4) return;
    this.answers.set(key, answer);
    this.bytes += answer.bytes;
    while (this.answers.size > this.maxAnswers || this.bytes > this.maxBytes) {
      const [oldestKey, oldest] = this.answers.entries().next().value!;
      this.drop(oldestKey, oldest);
    }
  }

  get size(): number {
    return this.answers.size;
  }

  private drop(key: string, answer: KeptAnswer) {
    this.answers.delete(key);
    this.bytes -= answer.bytes;
  }
}
