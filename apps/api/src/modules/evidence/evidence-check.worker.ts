import { Injectable, type OnModuleInit } from '@nestjs/common';
import { logger } from '../../logging/logger.js';
import { QueueService } from '../queue/index.js';
import { EvidenceCheckService } from './evidence-check.service.js';

/**
 * The evidence checks that run outside a request: a report's pages soon after it is submitted, and the
 * pages of tasks due that day (queued by the daily supervision run).
 */
@Injectable()
export class EvidenceCheckWorker implements OnModuleInit {
  constructor(
    private readonly queue: QueueService,
    private readonly evidence: EvidenceCheckService,
  ) {}

  onModuleInit(): void {
    this.queue.register({
      name: 'evidence-check',
      options: { retryLimit: 2, retryDelay: 600, expireInSeconds: 5 * 60 },
      work: async ({ tenantId, reportId }) => {
        await this.evidence.checkReport(tenantId, reportId);
      },
    });
    this.queue.register({
      name: 'evidence-recheck',
      // A site down today is checked again tomorrow: one late retry, then the day's run is done.
      options: { retryLimit: 1, retryDelay: 600, expireInSeconds: 30 * 60 },
      work: async ({ tenantId, at }) => {
        const result = await this.evidence.recheckDue(tenantId, new Date(at));
        logger().info({ tenantId, ...result }, 'evidence re-checked on the due date');
      },
    });
  }
}
