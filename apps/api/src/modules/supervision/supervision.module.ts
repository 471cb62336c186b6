import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { MessagingModule } from '../messaging/index.js';
import { TenantModule } from '../tenant/tenant.module.js';
import { TaskModule } from '../task/task.module.js';
import { DelayQueryService } from './delay-query.service.js';
import { DelayResolver } from './delay.resolver.js';
import { DelayService } from './delay.service.js';
import { SupervisionLoader } from './supervision.loader.js';
import { TaskSupervisionFieldsResolver } from './task-supervision-fields.resolver.js';
import { UrgeResolver } from './urge.resolver.js';
import { SupervisionNoticeController } from './supervision-notice.controller.js';
import { SupervisionNoticeResolver } from './supervision-notice.resolver.js';
import { SupervisionNoticeService } from './supervision-notice.service.js';
import { TaskSignResolver } from './task-sign.resolver.js';
import { TaskSignService } from './task-sign.service.js';
import { UrgeService } from './urge.service.js';

/** 延期申请, 催办, 签收 and 督办通知单, plus Task.delayRequests / Task.urges. */
@Module({
  imports: [TaskModule, MessagingModule, CalendarModule, TenantModule],
  providers: [
    DelayService, DelayQueryService, UrgeService, SupervisionLoader, DelayResolver, UrgeResolver, TaskSupervisionFieldsResolver,
    TaskSignService, TaskSignResolver, SupervisionNoticeService, SupervisionNoticeResolver,
  ],
  controllers: [SupervisionNoticeController],
  exports: [SupervisionLoader, TaskSignService],
})
export class SupervisionModule {}
