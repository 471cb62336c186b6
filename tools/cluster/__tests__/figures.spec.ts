import { dishonestSeconds, errorSummary, recoverySeconds, storedFigures } from '../figures.js';
import type { Attempt, Probe } from '../load.js';

const T = 1_000_000_000_000; // a whole second, so second buckets are easy to read
const at = (s: number) => T + s * 1000;
const ok = (key: string, start: number, end = start, api = 'api1'): Attempt => ({
  key,
  api,
  start: at(start),
  end: at(end),
  ok: true,
});
const fail = (key: string, start: number, end = start, api = 'api1', error = 'INTERNAL_SERVER_ERROR'): Attempt => ({
  key,
  api,
  start: at(start),
  end: at(end),
  ok: false,
  error,
});
const probe = (second: number, status: Probe['status'], api = 'api1'): Probe => ({
  api,
  start: at(second) + 100,
  end: at(second) + 200,
  status,
});

describe('storedFigures', () => {
  it('lists acknowledged keys the database lacks and keys stored more than once', () => {
    const acks = [
      { key: 'a', api: 'api1', at: 0 },
      { key: 'b', api: 'api1', at: 0 },
      { key: 'c', api: 'api2', at: 0 },
    ];
    const stored = new Map([
      ['a', 1],
      ['c', 2],
      ['d', 3],
    ]);
    expect(storedFigures(acks, stored)).toEqual({ lost: ['b'], duplicated: ['c', 'd'] });
  });

  it('counts a key acknowledged twice (two attempts both answered) once', () => {
    const acks = [
      { key: 'a', api: 'api1', at: 0 },
      { key: 'a', api: 'api2', at: 1 },
    ];
    expect(storedFigures(acks, new Map([['a', 1]]))).toEqual({ lost: [], duplicated: [] });
  });
});

describe('recoverySeconds', () => {
  it('is 0 when nothing failed after the fault', () => {
    expect(recoverySeconds([fail('x', 1), ok('a', 5), ok('b', 12)], at(3))).toBe(0);
  });

  it('runs from the fault to the first success after the last failure', () => {
    const attempts = [ok('a', 9), fail('b', 11), ok('c', 12), fail('b', 14, 20), ok('b', 25.5), ok('d', 27)];
    expect(recoverySeconds(attempts, at(10))).toBe(15.5);
  });

  it('is null when writes still fail at the end', () => {
    expect(recoverySeconds([ok('a', 11), fail('b', 12), fail('b', 13)], at(10))).toBeNull();
  });
});

describe('dishonestSeconds', () => {
  it('counts seconds where readyz said ready while writes on that process failed, and the reverse', () => {
    const attempts = [
      ok('a', 0),
      ok('a2', 1),
      fail('b', 2, 4),
      ok('c', 6),
      ok('c2', 7),
      ok('d', 7, 7, 'api2'),
      ok('e', 9),
    ];
    const probes = [
      probe(1, 200), // honest
      probe(2, 200), // writes began failing this second: the probe may not have seen it yet
      probe(3, 'timeout'), // honest: no answer while writes fail
      probe(4, 200), // dishonest: writes had been failing since second 2
      probe(6, 503), // writes work again from this second: not yet a lie
      probe(7, 503), // dishonest: a write succeeded in second 6 and again now
      probe(7, 200, 'api2'), // honest
      probe(8, 503), // no write in that second: no verdict
    ];
    expect(dishonestSeconds(attempts, probes, at(0), at(10))).toBe(2);
  });

  it('counts a second once however many processes were dishonest in it, and only within the window', () => {
    const attempts = [fail('a', 1, 2, 'api1'), fail('b', 1, 2, 'api2'), fail('c', 8), fail('c', 9)];
    const probes = [probe(2, 200, 'api1'), probe(2, 200, 'api2'), probe(9, 200)];
    expect(dishonestSeconds(attempts, probes, at(0), at(5))).toBe(1);
  });

  it('lets one success in a second outweigh a failure that hung through it', () => {
    const attempts = [fail('a', 1, 5), ok('b', 3)];
    expect(dishonestSeconds(attempts, [probe(3, 200)], at(0), at(10))).toBe(0);
  });

  it('judges a probe against the last second with writes before it, however long ago', () => {
    const attempts = [fail('a', 2), fail('b', 6)];
    expect(dishonestSeconds(attempts, [probe(6, 200)], at(0), at(10))).toBe(1);
    expect(dishonestSeconds([ok('a', 2), fail('b', 6)], [probe(6, 200)], at(0), at(10))).toBe(0);
  });
});

describe('errorSummary', () => {
  it('groups what users saw, most frequent first', () => {
    const attempts = [
      fail('a', 1, 1, 'api1', 'X'),
      fail('b', 1, 1, 'api1', 'Y'),
      fail('c', 1, 1, 'api1', 'Y'),
      ok('d', 2),
    ];
    expect(errorSummary(attempts)).toEqual(['2 × Y', '1 × X']);
  });
});
