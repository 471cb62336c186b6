import { readdirSync, readFileSync } from 'node:fs';

/** A process as /proc names it: the pid plus its start time, so a reused pid is not mistaken for it. */
export interface ProcessId {
  pid: number;
  startTime: string;
  command: string;
}

interface Stat {
  pid: number;
  ppid: number;
  state: string;
  startTime: string;
}

function readStat(pid: number): Stat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: split after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, state: fields[0], ppid: Number(fields[1]), startTime: fields[19] };
  } catch {
    return null;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

function allProcesses(): Stat[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((s): s is Stat => s !== null);
}

/**
 * Records every process that descends from `root` while it runs, by polling /proc. A detached child
 * (setsid) leaves the root's process group but not its ancestry, until its parent dies and it is
 * re-parented: hence the polling, which sees it while the chain is whole.
 */
export function watchDescendants(root: number, intervalMs = 100) {
  const seen = new Map<string, ProcessId>();
  const poll = () => {
    const byParent = new Map<number, Stat[]>();
    for (const s of allProcesses()) byParent.set(s.ppid, [...(byParent.get(s.ppid) ?? []), s]);
    const queue = [...(byParent.get(root) ?? [])];
    while (queue.length) {
      const s = queue.shift()!;
      const key = `${s.pid}:${s.startTime}`;
      if (!seen.has(key)) seen.set(key, { pid: s.pid, startTime: s.startTime, command: commandLine(s.pid) });
      queue.push(...(byParent.get(s.pid) ?? []));
    }
  };
  poll();
  const timer = setInterval(poll, intervalMs);
  return {
    /** Every descendant seen so far. */
    seen: (): ProcessId[] => [...seen.values()],
    /** Stops watching; returns every descendant seen. */
    stop(): ProcessId[] {
      clearInterval(timer);
      poll();
      return [...seen.values()];
    },
  };
}

/** Those of `processes` still running (same pid, same start time; zombies count as gone). */
export function stillRunning(processes: ProcessId[]): ProcessId[] {
  return processes.filter((p) => {
    const stat = readStat(p.pid);
    return stat !== null && stat.startTime === p.startTime && stat.state !== 'Z';
  });
}
