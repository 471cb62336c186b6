import { badInput } from '../../common/app-error.js';
import { isolatedTask } from '../isolated-task.js';

/** Inputs that behave like the worst uploads: they loop, hoard memory, or are refused with a message. */
export function spin(input: { ms: number | null }): string {
  const until = input.ms === null ? Infinity : Date.now() + input.ms;
  while (Date.now() < until) {
    // busy, as a backtracking regular expression would be
  }
  return 'done';
}

export function hoard(): number {
  const kept: string[][] = [];
  for (;;) kept.push(Array.from({ length: 100_000 }, (_, i) => `${i}-${kept.length}`));
}

export function refuse(input: { field: string }): never {
  throw badInput('文件内容有误', input.field);
}

export function echo(input: { bytes: Uint8Array }): number {
  return input.bytes.reduce((a, b) => a + b, 0);
}

export const SPIN = isolatedTask<{ ms: number | null }, string>(import.meta.url, 'spin', '文档');
export const HOARD = isolatedTask<Record<string, never>, number>(import.meta.url, 'hoard', '文档');
export const REFUSE = isolatedTask<{ field: string }, never>(import.meta.url, 'refuse', '文档');
export const ECHO = isolatedTask<{ bytes: Uint8Array }, number>(import.meta.url, 'echo', '文档');
