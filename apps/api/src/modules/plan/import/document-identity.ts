import { createHash } from 'node:crypto';

/**
 * What makes two imported documents "the same document": the 文号 written the same way up to width,
 * spacing and bracket style (〔2021〕, [2021], 【2021】), or the same text up to whitespace. Stored on
 * the plan so the check is one indexed lookup.
 */
export function docNumberKey(docNumber: string | null | undefined): string | null {
  const key = (docNumber ?? '')
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[〔【[(（]/gu, '[')
    .replace(/[〕】\])）]/gu, ']');
  return key || null;
}

export function sourceTextHash(text: string | null | undefined): string | null {
  const compact = (text ?? '').normalize('NFKC').replace(/\s+/gu, '');
  return compact ? createHash('sha256').update(compact, 'utf8').digest('hex') : null;
}

export interface DocumentIdentity {
  docKey: string | null;
  sourceHash: string | null;
}

/**
 * The keys a plan is found again by. A notice that issues several plans holds them all under one 文号
 * and one text, so each of its plans is told apart by its place in the notice (`part`).
 */
export function documentIdentity(
  docNumber: string | null | undefined,
  text: string | null | undefined,
  part: number | null = null,
): DocumentIdentity {
  const suffix = part == null ? '' : `#${part + 1}`;
  const docKey = docNumberKey(docNumber);
  const sourceHash = sourceTextHash(text);
  return { docKey: docKey && docKey + suffix, sourceHash: sourceHash && sourceHash + suffix };
}
