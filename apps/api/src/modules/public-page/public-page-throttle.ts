/**
 * Requests per client address per minute to the public pages, in this process (a fixed window). The
 * pages are anonymous and cheap (a cached snapshot), so this only keeps one scraper from taking a
 * process's time from everyone else; with several processes each bounds its own share. At most
 * `maxClients` addresses are tracked: past that the window starts over, which forgets, never blocks.
 */
export class PublicPageThrottle {
  private window = 0;
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly perMinute: number,
    private readonly maxClients = 100_000,
  ) {}

  allow(client: string, now = Date.now()): boolean {
    const window = Math.floor(now / 60_000);
    if (window !== this.window || this.counts.size >= this.maxClients) {
      this.window = window;
      this.counts.clear();
    }
    const n = (this.counts.get(client) ?? 0) + 1;
    this.counts.set(client, n);
    return n <= this.perMinute;
  }
}
