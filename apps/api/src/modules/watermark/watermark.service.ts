import { Injectable } from '@nestjs/common';
import { watermarkLabel, watermarkText } from '@duban/domain';
import { Clock } from '../../common/clock.js';
import type { Viewer } from '../../common/viewer.js';
import { SecurityPolicyService } from '../auth/index.js';

/**
 * 防泄漏: what the watermark says for a viewer when their tenant has it on. The server decides the
 * text of an export's footer from the session, never from anything the client sends.
 */
@Injectable()
export class WatermarkService {
  constructor(
    private readonly policies: SecurityPolicyService,
    private readonly clock: Clock,
  ) {}

  /** The footer line for a file this viewer exports now, or null when the tenant has the watermark off. */
  async exportFooter(viewer: Viewer): Promise<string | null> {
    const { watermark } = await this.policies.get(viewer.tenantId);
    return watermark ? watermarkText(watermarkLabel(viewer), this.clock.now()) : null;
  }
}
