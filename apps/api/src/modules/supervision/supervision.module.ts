import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/index.js';
import { MessagingModule } from '../messaging/index.js';
import { QueueModule } from '../queue/index.js';
import { TaskModule } from '../task/index.js';
import { TenantModule } from '../tenant/index.js';
import { DailySupervisionWorker } from './daily-supervision.worker.js';
import { DelayQueryService } from './delay-query.service.js';
import { DelayResolver } from './delay.resolver.js';
import { DelayService } from './delay.service.js';
import { SuperviseProposalResolver } from './supervise-proposal.resolver.js';
import { SuperviseProposalService } from './supervise-proposal.service.js';
import { SupervisionLoader } from './supervision.loader.js';
import { SupervisionDayService } from './supervision-day.service.js';
import { SupervisionRunService } from './supervision-run.service.js';
import { TaskSupervisionFieldsResolver } from './task-supervision-fields.resolver.js';
import { UrgeResolver } from './urge.resolver.js';
import { SupervisionNoticeResolver } from './supervision-notice.resolver.js';
import { SupervisionNoticeService } from './supervision-notice.service.js';
import { TaskSignResolver } from './task-sign.resolver.js';
import { TaskSignService } from './task-sign.service.js';
import { UrgeService } from './urge.service.js';

/**
 * 延期申请, 催办, 签收 and 督办通知单, plus Task.delayRequests / Task.urges; the daily supervision run
 * (lights, the escalation ladder 提醒 → 催办 → 拟督办, the group robot's summary) and the 拟督办名单 it proposes.
 */
@Module({
  imports: [CalendarModule, MessagingModule, QueueModule, TaskModule, TenantModule],
  providers: [
    DelayService,
    DelayQueryService,
    UrgeService,
    SupervisionLoader,
    SupervisionRunService,
    SupervisionDayService,
    DailySupervisionWorker,
    SuperviseProposalService,
    TaskSignService,
    SupervisionNoticeService,
    DelayResolver,
    UrgeResolver,
    SuperviseProposalResolver,
    TaskSignResolver,
    SupervisionNoticeResolver,
    TaskSupervisionFieldsResolver,
  ],
  exports: [SupervisionLoader, TaskSignService, SupervisionNoticeService],
})
export class SupervisionModule {}
