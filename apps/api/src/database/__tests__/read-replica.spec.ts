import { parseLsn, pendingSamples, replicaLagMs, type WalSample } from '../read-replica.js';

describe('read replica lag', () => {
  it('reads a WAL position as one number across its two halves', () => {
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('1/0')).toBe(1n << 32n);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
  });

  const samples: WalSample[] = [
    { at: 1000, lsn: 100n },
    { at: 2000, lsn: 200n },
    { at: 3000, lsn: 300n },
  ];

  it('is the age of the oldest primary position the replica has not replayed', () => {
    expect(replicaLagMs(samples, 150n, 9000)).toBe(7000);
    expect(replicaLagMs(samples, 200n, 9000)).toBe(6000);
    expect(replicaLagMs(samples, 99n, 9000)).toBe(8000);
  });

  it('is nothing once everything sampled is replayed, however old the samples, or for a server not in recovery', () => {
    expect(replicaLagMs(samples, 300n, 60_000)).toBe(0);
    expect(replicaLagMs(samples, null, 60_000)).toBe(0);
  });

  it('keeps only the samples still ahead of the replica, always the oldest of them', () => {
    expect(pendingSamples(samples, 200n)).toEqual([{ at: 3000, lsn: 300n }]);
    expect(pendingSamples(samples, null)).toEqual([]);
    expect(pendingSamples(samples, 0n, 2)).toEqual([samples[0], samples[2]]);
  });
});
