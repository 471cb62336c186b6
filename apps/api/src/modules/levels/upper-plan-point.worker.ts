import { Injectable, type OnModuleInit } from '@nestjs/common';
import { QueueService } from '../queue/index.js';
import { UpperPlanPointService } from './upper-plan-point.service.js';

/** Rebuilds a lower tenant's copy of its upper's key points after the upper published or changed them. */
@Injectable()
export class UpperPlanPointWorker implements OnModuleInit {
  constructor(
    private readonly queue: QueueService,
    private readonly points: UpperPlanPointService,
  ) {}

  onModuleInit(): void {
    this.queue.register({
      name: 'upper-plan-points',
      options: { retryLimit: 3, retryDelay: 60, expireInSeconds: 5 * 60 },
      work: async ({ tenantId }) => {
        await this.points.refresh(tenantId);
      },
    });
  }
}
