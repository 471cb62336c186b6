import { Injectable } from '@nestjs/common';
import { DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS } from './safe-fetch.js';

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
}
