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
  // Probes answer at .2 of their second; writes are placed around that.
  it('counts seconds where readyz said ready while writes on that process failed, and the reverse', () => {
    const attempts = [
      ok('a', 0.5),
      ok('a2', 1.5),
      fail('b', 2.1, 2.5),
      fail('b', 3.5, 5.5),
      ok('c', 7.1),
      ok('c2', 7.9),
      ok('d', 7.5, 7.5, 'api2'),
    ];
    const probes = [
      probe(1, 200), // honest
      probe(2, 200), // writes began failing right after it answered: it could not have known
      probe(3, 'timeout'), // honest: no answer while writes fail
      probe(4, 200), // dishonest: writes failed before and after it answered
      probe(7, 503), // dishonest: writes succeeded before and after
      probe(7, 200, 'api2'), // honest
      probe(9, 503), // no write around it: no verdict
    ];
    expect(dishonestSeconds(attempts, probes, at(0), at(10))).toBe(2);
  });

  it('forgives a probe whose answer falls on the change, either way', () => {
    const attempts = [ok('a', 2.0), fail('b', 2.3, 2.6), ok('c', 4.0), ok('c', 4.9)];
    expect(dishonestSeconds(attempts, [probe(2, 503)], at(0), at(10))).toBe(0);
    expect(dishonestSeconds([fail('a', 3.5, 4.15), ok('b', 4.5)], [probe(4, 503)], at(0), at(10))).toBe(0);
  });

  it('counts a second once however many processes were dishonest in it, and only within the window', () => {
    const attempts = [fail('a', 1.5, 2.9, 'api1'), fail('b', 1.5, 2.9, 'api2'), fail('c', 8.5, 9.9)];
    const probes = [probe(2, 200, 'api1'), probe(2, 200, 'api2'), probe(9, 200)];
    expect(dishonestSeconds(attempts, probes, at(0), at(5))).toBe(1);
  });

  it('lets a success outweigh a failure that hung through the same second', () => {
    const attempts = [fail('a', 1, 5), ok('b', 3.0), ok('b', 3.5)];
    expect(dishonestSeconds(attempts, [probe(3, 200)], at(0), at(10))).toBe(0);
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
