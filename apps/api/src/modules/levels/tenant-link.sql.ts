/** A linked office as the other side sees it: its name and when the link was made. */
export interface LinkedTenantRow {
  id: string;
  name: string;
  linked_at: Date | null;
}

/** An open invitation (its code is never read back: only the hash is stored). */
export interface TenantLinkInviteRow {
  id: string;
  note: string | null;
  created_at: Date;
  expires_at: Date;
}

/**
 * Whether tenant $2 is tenant $1 or one of its uppers (walking up from $1): linking $2 under $1 would
 * then make a cycle. Shared by the web's accept and the operator CLI. The depth bound keeps a corrupt
 * chain from looping.
 */
export const UPPER_CHAIN_CONTAINS_SQL = `WITH RECURSIVE chain(id, upper_tenant_id, depth) AS (
    SELECT id, upper_tenant_id, 1 FROM tenant WHERE id = $1
    UNION ALL
    SELECT t.id, t.upper_tenant_id, c.depth + 1 FROM tenant t JOIN chain c ON t.id = c.upper_tenant_id WHERE c.depth < 50
  ) SELECT 1 AS found FROM chain WHERE id = $2 LIMIT 1`;
