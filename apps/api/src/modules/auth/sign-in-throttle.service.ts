import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rows } from '../../common/sql.js';

/** A limit on failed sign-ins from one source: past `failures` within the window, attempts are blocked, each time twice as long. */
export interface ThrottleRule {
  failures: number;
  /** A source quiet this long starts again from zero. */
  windowSeconds: number;
  firstBlockSeconds: number;
  maxBlockSeconds: number;
}

export const THROTTLE_RULES: Record<'ip' | 'tenant', ThrottleRule> = {
  /** One client address: a password sprayer or a script. */
  ip: { failures: 20, windowSeconds: 15 * 60, firstBlockSeconds: 60, maxBlockSeconds: 60 * 60 },
  /** One tenant code, from anywhere: spraying one government's accounts from many addresses. */
  tenant: { failures: 100, windowSeconds: 15 * 60, firstBlockSeconds: 60, maxBlockSeconds: 30 * 60 },
};

export type ThrottleScope = keyof typeof THROTTLE_RULES;

/** Every this many attempts a process forgets sources quiet for a day, so sprays from many addresses leave no pile. */
const FORGET_EVERY = 500;

/**
 * Counts sign-in attempts per client address and per tenant in PostgreSQL (shared by every API
 * process). An attempt is counted before its password is checked, in one statement that also refuses
 * it while the source is blocked, so parallel guesses cannot slip past the limit; a successful sign-in
 * takes its count back.
 */
@Injectable()
export class SignInThrottleService {
  private attempts = 0;

  constructor(private readonly dataSource: DataSource) {}

  /** Drops the counts of sources that have been quiet for a day and are not blocked. */
  async forgetQuiet(): Promise<number> {
    const gone = await rows<{ '?column?': number }>(
      this.dataSource,
      `DELETE FROM sign_in_throttle WHERE last_attempt_at < now() - interval '1 day' AND (blocked_until IS NULL OR blocked_until < now()) RETURNING 1`,
    );
    return gone.length;
  }

  /** Counts one attempt from each source; false when any of them is blocked (then the password is not checked). */
  async admit(sources: { scope: ThrottleScope; key: string }[]): Promise<boolean> {
    if (++this.attempts % FORGET_EVERY === 0) await this.forgetQuiet();
    let admitted = true;
    for (const { scope, key } of sources) {
      const rule = THROTTLE_RULES[scope];
      const counted = await rows<{ failures: number }>(
        this.dataSource,
        `INSERT INTO sign_in_throttle AS t (scope, key, failures, last_attempt_at, blocked_until)
         VALUES ($1, $2, 1, now(), CASE WHEN $3 <= 1 THEN now() + make_interval(secs => $4) END)
         ON CONFLICT (scope, key) DO UPDATE SET
           failures = CASE WHEN t.last_attempt_at < now() - make_interval(secs => $5) THEN 1 ELSE t.failures + 1 END,
           last_attempt_at = now(),
           blocked_until = CASE WHEN t.last_attempt_at >= now() - make_interval(secs => $5) AND t.failures + 1 >= $3
                                THEN now() + make_interval(secs => least($6, $4 * power(2, least(30, t.failures + 1 - $3)))) END
         WHERE t.blocked_until IS NULL OR t.blocked_until <= now()
         RETURNING failures`,
        [scope, key.slice(0, 100), rule.failures, rule.firstBlockSeconds, rule.windowSeconds, rule.maxBlockSeconds],
      );
      if (!counted.length) admitted = false;
    }
    return admitted;
  }

  /** A successful sign-in was no failure: its count is taken back (and a block it alone caused lifted). */
  async succeeded(sources: { scope: ThrottleScope; key: string }[]): Promise<void> {
    for (const { scope, key } of sources) {
      await this.dataSource.query(
        `UPDATE sign_in_throttle SET failures = greatest(failures - 1, 0),
                blocked_until = CASE WHEN failures - 1 >= $3 THEN blocked_until END
          WHERE scope = $1 AND key = $2`,
        [scope, key.slice(0, 100), THROTTLE_RULES[scope].failures],
      );
    }
  }
}
