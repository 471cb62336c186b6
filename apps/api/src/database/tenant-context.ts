import { AsyncLocalStorage } from 'node:async_hooks';
import { isUuid } from '../common/validation.js';

/**
 * The tenant the current unit of work acts for. Every query and transaction the database layer opens
 * inside it runs as the row-level-security role with this tenant set (see tenant-query-runner.ts), so
 * a query that forgets `tenant_id = $1` still sees and changes only this tenant's rows.
 *
 * A request opens its scope before the viewer is known and the auth guard names the tenant later, deep
 * inside the same async chain; hence one mutable holder per request rather than a nested `run`.
 */
interface TenantScope {
  tenantId: string | null;
}

const storage = new AsyncLocalStorage<TenantScope>();

export class TenantScopeError extends Error {}

function checkedTenant(tenantId: string): string {
  if (!isUuid(tenantId)) throw new TenantScopeError(`not a tenant id: ${JSON.stringify(tenantId).slice(0, 60)}`);
  return tenantId.toLowerCase();
}

/** The tenant of the current scope, or null outside any (start-up, sign-in, cross-tenant scans). */
export function activeTenantId(): string | null {
  return storage.getStore()?.tenantId ?? null;
}

/** Runs work for one tenant: what a job that acts for a tenant, or a test, wraps its work in. */
export function runInTenant<T>(tenantId: string, work: () => T): T {
  return storage.run({ tenantId: checkedTenant(tenantId) }, work);
}

/** Runs work for no tenant even inside a tenant's scope: for the few reads that span tenants on purpose. */
export function runOutsideTenant<T>(work: () => T): T {
  return storage.run({ tenantId: null }, work);
}

/** Opens a request's scope, tenant still unknown; everything the request does runs inside it. */
export function openRequestScope(next: () => void): void {
  storage.run({ tenantId: null }, next);
}

/**
 * Names the tenant of the request whose scope is open (called once the viewer is known). Throws when
 * no scope is open: a request path that lost its scope would otherwise run without the backstop.
 */
export function bindRequestTenant(tenantId: string): void {
  const scope = storage.getStore();
  if (!scope) throw new TenantScopeError('no tenant scope is open for this request (openRequestScope missing or lost)');
  const id = checkedTenant(tenantId);
  if (scope.tenantId !== null && scope.tenantId !== id)
    throw new TenantScopeError('a request cannot act for two tenants');
  scope.tenantId = id;
}
