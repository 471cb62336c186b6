// CPU seconds spent by processes of this machine, from /proc: what a request costs the API and
// PostgreSQL, which is what limits throughput when both share the benchmark machine's cores.
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS = 100;

/** Fields of /proc/<pid>/stat after the command name (state is index 0), or null once it is gone. */
function statFields(pid: number | string): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  } catch {
    return null;
  }
}

/** The process and its live children (the API's cluster workers when WEB_CONCURRENCY > 1). */
export function processTree(pid: number | string): string[] {
  const tree = [String(pid)];
  for (const child of readdirSync('/proc')) {
    if (/^\d+$/.test(child) && statFields(child)?.[1] === String(pid)) tree.push(child);
  }
  return tree;
}

/** utime + stime of a process and its children (see processTree), in seconds (0 once it is gone). */
export function processCpuSeconds(pid: number | string): number {
  let total = 0;
  for (const p of processTree(pid)) {
    const f = statFields(p);
    if (f) total += (Number(f[11]) + Number(f[12])) / CLOCK_TICKS;
  }
  return total;
}

/**
 * CPU seconds of every local PostgreSQL process (0 when the database runs elsewhere). Backends come
 * and go with connections; a finished backend's time moves to its parent's cutime/cstime, so the
 * postmaster's children totals keep the sum from going backwards.
 */
export function postgresCpuSeconds(): number {
  let total = 0;
  const pids = new Set<string>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres')) pids.add(pid);
    } catch {
      // the process ended while we looked
    }
  }
  for (const pid of pids) {
    const f = statFields(pid);
    if (!f) continue;
    total += (Number(f[11]) + Number(f[12])) / CLOCK_TICKS;
    // ppid is index 1: the postmaster is the postgres process whose parent is not one.
    if (!pids.has(f[1])) total += (Number(f[13]) + Number(f[14])) / CLOCK_TICKS;
  }
  return total;
}

/**
 * CPU seconds of one PostgreSQL cluster: its postmaster (with the time of backends that have ended)
 * and its running children. Tells a primary's work from a standby's on the same machine, and from the
 * other clusters a shared machine runs.
 */
export function clusterCpuSeconds(postmasterPid: number): number {
  const own = statFields(postmasterPid);
  if (!own) return 0;
  let total = (Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14])) / CLOCK_TICKS;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const f = statFields(pid);
    if (f && Number(f[1]) === postmasterPid) total += (Number(f[11]) + Number(f[12])) / CLOCK_TICKS;
  }
  return total;
}

/** The postmaster of the cluster a connection is on (the parent of its backend), when it runs on this machine. */
export function postmasterOf(backendPid: number): number | null {
  const f = statFields(backendPid);
  return f ? Number(f[1]) : null;
}
