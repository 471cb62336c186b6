import { Injectable, type OnModuleInit } from '@nestjs/common';
import { QueueService } from '../queue/index.js';
import { DigestService } from './digest.service.js';

/** Sends a tenant's daily e-mail digest, queued by the daily supervision run once it wrote the day's notifications. */
@Injectable()
export class DigestWorker implements OnModuleInit {
  constructor(
    private readonly queue: QueueService,
    private readonly digests: DigestService,
  ) {}

  onModuleInit(): void {
    this.queue.register({
      name: 'tenant-digest',
      // Each person's digest is sent and marked in one transaction, so a retry sends only what is left.
      options: { retryLimit: 3, retryDelay: 300, expireInSeconds: 30 * 60 },
      work: async ({ tenantId, at }) => {
        await this.digests.sendForTenant(tenantId, new Date(at));
      },
    });
  }
}
