import type { AppConfig } from '../../config/app-config.js';
import { devSecret } from '../../config/dev-secret.js';
import { FieldCipher, parseFieldKeys } from './field-cipher.js';

/** The cipher of values at rest: FIELD_KEYS, or the key made in DATA_DIR when it is not set. */
export function fieldCipher(config: Pick<AppConfig, 'fieldKeys' | 'dataDir'>): FieldCipher {
  return new FieldCipher(
    config.fieldKeys
      ? parseFieldKeys(config.fieldKeys)
      : [{ id: 'dev', secret: devSecret(config.dataDir, 'field.key') }],
  );
}
