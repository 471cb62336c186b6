// A wall clock shared by the API processes and PostgreSQL, set from outside with Debian's libfaketime:
// LD_PRELOAD reads the offset from a file (re-read every second), so the harness can move every faked
// process's clock at once. Monotonic clocks stay real: timers and timeouts keep their length.
//
// Both sides must be faked together: pg-boss decides whether its cron is due by comparing the API's
// clock with the database's (it corrects for the skew between them).
import { writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { FAKETIME_LIB } from './packages.js';

export class FakeClock {
  private offsetSeconds = 0;

  constructor(readonly file: string) {
    this.write();
  }

  /** Environment that makes a process (and its children) read this clock. */
  env(): Record<string, string> {
    return {
      LD_PRELOAD: FAKETIME_LIB,
      FAKETIME_TIMESTAMP_FILE: this.file,
      FAKETIME_CACHE_DURATION: '1',
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
    };
  }

  /** Makes the faked clocks read `instant` now (they go on ticking from there). */
  set(instant: Date): void {
    this.offsetSeconds = Math.round((instant.getTime() - Date.now()) / 1000);
    this.write();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetSeconds * 1000);
  }

  private write(): void {
    writeFileSync(this.file, `${this.offsetSeconds >= 0 ? '+' : ''}${this.offsetSeconds}\n`, { mode: 0o644 });
  }
}

/** `hh:mm:ss` on `day` in Asia/Shanghai. */
export function shanghaiInstant(day: string, time: string): Date {
  return DateTime.fromISO(`${day}T${time}`, { zone: 'Asia/Shanghai' }).toJSDate();
}
