import type { AppConfig } from '../../config/app-config.js';
import { devSecret } from '../../config/dev-secret.js';

/** The audit chain's HMAC-SM3 key: AUDIT_HMAC_KEY, or the one made in DATA_DIR when it is not set. */
export function auditKey(config: Pick<AppConfig, 'auditHmacKey' | 'dataDir'>): string {
  return config.auditHmacKey ?? devSecret(config.dataDir, 'audit-hmac.key');
}
