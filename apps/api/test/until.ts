/**
 * Waits until `probe` gives something other than null/false (a probe that throws counts as not yet),
 * checking every `everyMs`; fails naming `what` after `timeoutMs`. Tests wait for what they need to
 * have happened, never for a fixed time that a busy machine may not honour.
 */
export async function until<T>(
  what: string,
  probe: () => T | null | false | Promise<T | null | false>,
  { timeoutMs = 90_000, everyMs = 100 }: { timeoutMs?: number; everyMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await Promise.resolve()
      .then(probe)
      .catch(() => null);
    if (found !== null && found !== false) return found;
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
