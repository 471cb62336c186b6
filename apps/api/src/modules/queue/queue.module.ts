import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { EvidenceModule } from '../evidence/evidence.module.js';
import { MessagingModule } from '../messaging/index.js';
import { SupervisionModule } from '../supervision/supervision.module.js';
import { TaskModule } from '../task/task.module.js';
import { TenantModule } from '../tenant/tenant.module.js';
import { JobSchedulerService } from './job-scheduler.service.js';
import { SuperviseProposalResolver } from './supervise-proposal.resolver.js';
import { SuperviseProposalService } from './supervise-proposal.service.js';
import { SupervisionRunService } from './supervision-run.service.js';

/** Scheduled work (pg-boss): the daily supervision run per tenant and the e-mail digest. */
@Module({
  imports: [CalendarModule, EvidenceModule, MessagingModule, SupervisionModule, TaskModule, TenantModule],
  providers: [SupervisionRunService, JobSchedulerService, SuperviseProposalService, SuperviseProposalResolver],
  exports: [SupervisionRunService, JobSchedulerService],
})
export class JobsModule {}
