import { randomInt } from 'node:crypto';
import { secretHash } from '../../common/secret-hash.js';

/** No 0/O, 1/I/L: the code is read out on the phone and typed by hand. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** A fresh invitation code such as `K7QM-3XHD-P9TA` (about 59 bits). */
export function newInviteCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** The code as typed (any case, spaces, dashes, a pasted invitation link) in its canonical form; null when it cannot be one. */
export function normalizeInviteCode(input: string): string | null {
  const fromLink = /[?&]code=([^&#\s]+)/.exec(input)?.[1];
  const raw = decodeURIComponent(fromLink ?? input)
    .toUpperCase()
    .replace(/[\s-]/g, '');
  if (raw.length !== GROUPS * GROUP_LENGTH || [...raw].some((c) => !ALPHABET.includes(c))) return null;
  return raw.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))!.join('-');
}

/** What is stored and looked up: the code itself never is. */
export function inviteCodeHash(code: string): string {
  return secretHash(code);
}
