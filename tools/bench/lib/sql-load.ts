// The hand-written SQL baseline: the same reads straight through pg, same concurrency and duration.
import type pg from 'pg';
import { percentiles, type LoadResult } from './load-types.js';

export async function sqlLoad(
  pool: pg.Pool,
  concurrency: number,
  seconds: number,
  run: (client: pg.PoolClient) => Promise<unknown>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const client = await pool.connect();
      try {
        while (performance.now() < until) {
          const t = performance.now();
          try {
            await run(client);
            latencies.push(performance.now() - t);
          } catch (error) {
            errors++;
            firstError ??= (error as Error).message;
          }
        }
      } finally {
        client.release();
      }
    }),
  );
  return {
    ...percentiles(latencies),
    requestsPerSecond: latencies.length / seconds,
    requests: latencies.length,
    errors,
    firstError,
  };
}
