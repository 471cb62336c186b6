import { Module } from '@nestjs/common';
import { QueueService } from './queue.service.js';

/**
 * The job queue (pg-boss): send and work. Depends on no feature; each feature registers the workers
 * for its own jobs, and any feature may send any job listed in job-names.ts.
 */
@Module({
  providers: [QueueService],
  exports: [QueueService],
})
export class QueueModule {}
