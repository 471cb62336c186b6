// A seeded PRNG (mulberry32) so the same seed always yields the same values: the synthetic tenants of
// the benchmarks and the demo tenant's year are both drawn from it.

export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A child generator whose stream does not depend on how much the parent has consumed. */
  static derive(seed: number, ...parts: number[]): Prng {
    let h = seed >>> 0;
    for (const p of parts) h = Math.imul(h ^ (p + 0x9e3779b9), 0x85ebca6b) >>> 0;
    return new Prng(h ^ (h >>> 13));
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** k distinct items (partial Fisher–Yates on a copy). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  }

  /** A version-4-shaped UUID drawn from this stream (reproducible, unlike gen_random_uuid()). */
  uuid(): string {
    const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
    const a = hex(this.next() * 4294967296);
    const b = hex(this.next() * 4294967296);
    const c = hex(this.next() * 4294967296);
    const d = hex(this.next() * 4294967296);
    const variant = ((parseInt(c[0], 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }
}
