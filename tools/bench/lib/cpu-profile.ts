// Where the API's CPU goes during one load window, from the .cpuprofile that `node --cpu-prof` writes
// when the API exits (`npm run bench -- --cpu-prof <dir>`). The load windows are taken with
// process.hrtime, which reads the same monotonic clock as V8's profile timestamps, so each read's
// samples are told apart from start-up, sign-in and the other reads in one profile.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileWindow {
  name: string;
  /** process.hrtime.bigint() / 1000n at the start and end of the load, µs. */
  fromUs: number;
  toUs: number;
  requests: number;
}

/** The monotonic clock V8 stamps samples with, in µs. */
export const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/** What a frame counts under: a package, Node's own modules, the app, or V8's pseudo-frames. */
function categoryOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName || 'anonymous'}`;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return url.replace(/^node:(internal\/)?/, 'node:').replace(/\/.*$/, '');
  const app = url.indexOf('/dist/');
  return app >= 0 ? `app ${url.slice(app + '/dist/'.length)}` : url;
}

function frameName(frame: CallFrame): string {
  const file = frame.url ? `${path.basename(frame.url)}:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'} ${categoryOf(frame)}${file ? ` ${file}` : ''}`;
}

/** The newest .cpuprofile in `dir`. */
export function newestProfile(dir: string): string | null {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort();
  return files.length ? path.join(dir, files[files.length - 1]) : null;
}

/**
 * Lines describing each window: CPU ms per request by category (self time), then the functions with
 * the most self time and the most inclusive time (a sample counts once per function on its stack).
 */
export function summariseProfile(file: string, windows: ProfileWindow[], top = 25): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const out: string[] = [];
  for (const w of windows) {
    const self = new Map<string, number>();
    const selfFn = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let busyUs = 0;
    let t = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      t += profile.timeDeltas[i];
      if (t < w.fromUs || t > w.toUs) continue;
      const dt = profile.timeDeltas[i + 1] ?? 0;
      const node = byId.get(profile.samples[i])!;
      if (node.callFrame.functionName === '(idle)') continue;
      busyUs += dt;
      const category = categoryOf(node.callFrame);
      self.set(category, (self.get(category) ?? 0) + dt);
      const name = frameName(node.callFrame);
      selfFn.set(name, (selfFn.get(name) ?? 0) + dt);
      const seen = new Set<string>();
      for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
        const f = frameName(byId.get(id)!.callFrame);
        if (seen.has(f)) continue;
        seen.add(f);
        inclusive.set(f, (inclusive.get(f) ?? 0) + dt);
      }
    }
    const per = (us: number) => (us / 1000 / Math.max(1, w.requests)).toFixed(3);
    const pct = (us: number) => ((100 * us) / Math.max(1, busyUs)).toFixed(1);
    const list = (m: Map<string, number>, n: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, us]) => `    ${per(us).padStart(7)} ms ${pct(us).padStart(5)} %  ${k}`);
    out.push(`profile ${w.name}: ${per(busyUs)} ms of sampled CPU per request (${w.requests} requests)`);
    out.push('  self time by package:', ...list(self, top));
    out.push('  self time by function:', ...list(selfFn, top));
    out.push('  inclusive time by function:', ...list(inclusive, top));
  }
  return out;
}
