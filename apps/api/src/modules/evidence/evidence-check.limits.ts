import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { AddressPolicy } from '../../common/net/address-policy.js';
import { DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS } from '../../common/net/safe-fetch.js';

/**
 * Bounds of the evidence checker, one object so a deployment (or a test with a deliberately slow page)
 * can tighten them in one place.
 */
@Injectable()
export class EvidenceCheckLimits {
  timeoutMs = DEFAULT_FETCH_TIMEOUT_MS;
  maxBytes = DEFAULT_MAX_BYTES;
  maxRedirects = DEFAULT_MAX_REDIRECTS;
  /** Pages fetched at the same time by one check run. */
  concurrency = 4;
  /** The office may fetch one report's pages again after this long; sooner gets the stored results. */
  recheckAfterSeconds = 60;
  /** Reading a fetched page's title and date, in a worker thread. */
  analysisTimeoutMs = 10_000;
  /** Public addresses, plus the private networks the operator allows (EVIDENCE_ALLOWED_NETWORKS). */
  addressPolicy: AddressPolicy;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.addressPolicy = new AddressPolicy(config.evidenceAllowedNetworks);
  }
}
