// Calendar days as integers (days since 1970-01-01) so the simulation does plain arithmetic; instants
// are built in Asia/Shanghai (UTC+8, no daylight saving) like everything the API stores.

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(iso: string): Day {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function isoOf(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function monthEnd(year: number, month: number): Day {
  return Math.round(Date.UTC(year, month, 0) / MS_PER_DAY);
}

/** The instant `minute` minutes into `day`, Shanghai time, as an ISO string PostgreSQL reads as timestamptz. */
export function instant(day: Day, minute: number): string {
  return new Date(day * MS_PER_DAY + (minute - 480) * 60_000).toISOString();
}

export function instantDate(day: Day, minute: number): Date {
  return new Date(day * MS_PER_DAY + (minute - 480) * 60_000);
}
