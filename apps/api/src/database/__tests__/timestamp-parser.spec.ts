import pg from 'pg';
import { parseTimestamptz } from '../timestamp-parser.js';

// pg's own parser (postgres-date): nothing in this file installs the fast one, so this is the default.
const standard = pg.types.getTypeParser(1184, 'text') as (text: string) => unknown;
const fast = (text: string) => parseTimestamptz(text, standard);
const time = (value: unknown) => (value instanceof Date ? value.getTime() : value);

describe('parseTimestamptz', () => {
  it('reads what PostgreSQL writes exactly as pg does, offsets and fractions of any length', () => {
    const offsets = ['+00', '+08', '-05', '+05:30', '+05:45', '-03:30', '+08:05:43', '-00:25:21', '+14', '-12'];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    for (let k = 0; k < 5000; k++) {
      const at = new Date(Date.UTC(1000, 0, 1) + random() * (Date.UTC(9999, 11, 31) - Date.UTC(1000, 0, 1)));
      const digits = Math.floor(random() * 7);
      const fraction = digits
        ? `.${String(Math.floor(random() * 1e6))
            .padStart(6, '0')
            .slice(0, digits)}`
        : '';
      const text = `${pad(at.getUTCFullYear(), 4)}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}${fraction}${offsets[k % offsets.length]}`;
      expect([text, time(fast(text))]).toEqual([text, time(standard(text))]);
    }
  });

  it('hands anything else to the default parser', () => {
    const seen: string[] = [];
    const fallback = (text: string) => (seen.push(text), standard(text));
    const others = [
      'infinity',
      '-infinity',
      '0099-03-04 05:06:07+00',
      '2026-11-23 10:11:12+08 BC',
      '12026-11-23 10:11:12+08',
      '2026-11-23T10:11:12+08',
      '2026-11-23 10:11:12.+08',
      '2026-11-23 10:11:12',
    ];
    for (const text of others) expect(time(parseTimestamptz(text, fallback))).toEqual(time(standard(text)));
    expect(seen).toEqual(others);
  });
});
