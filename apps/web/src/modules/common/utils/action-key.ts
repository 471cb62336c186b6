/**
 * An idempotency key for one user action: 32 hex digits from the browser's CSPRNG. Not
 * crypto.randomUUID, which exists only on HTTPS pages, and intranet deployments often serve HTTP.
 */
export function newActionKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The key of one action, the same for every retry of it (a retry after a lost answer then returns
 * what the first attempt saved instead of saving twice) until `renew()` starts the next action.
 */
export class ActionKey {
  private value: string | null = null;
  get(): string {
    return (this.value ??= newActionKey());
  }
  renew(): void {
    this.value = null;
  }
}

const fileKeys = new WeakMap<File, string>();

/** The key of uploading this file: sending the same chosen file again is a retry, a new choice a new action. */
export function fileActionKey(file: File): string {
  let key = fileKeys.get(file);
  if (!key) fileKeys.set(file, (key = newActionKey()));
  return key;
}
