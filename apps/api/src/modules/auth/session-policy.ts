import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';

/**
 * How long a session may stay unused before it ends. One deployment-wide value for now
 * (SESSION_IDLE_MINUTES); asked per tenant so a tenant's own 等保 policy can set it later.
 */
@Injectable()
export class SessionPolicy {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async idleMinutes(_tenantId: string): Promise<number> {
    return this.config.sessionIdleMinutes;
  }
}
