import { Module } from '@nestjs/common';
import { MessagingModule } from '../messaging/index.js';
import { TaskModule } from '../task/task.module.js';
import { DelayQueryService } from './delay-query.service.js';
import { DelayResolver } from './delay.resolver.js';
import { DelayService } from './delay.service.js';
import { SupervisionLoader } from './supervision.loader.js';
import { TaskSupervisionFieldsResolver } from './task-supervision-fields.resolver.js';
import { UrgeResolver } from './urge.resolver.js';
import { UrgeService } from './urge.service.js';

/** 延期申请 and 催办, plus Task.delayRequests / Task.urges. */
@Module({
  imports: [TaskModule, MessagingModule],
  providers: [DelayService, DelayQueryService, UrgeService, SupervisionLoader, DelayResolver, UrgeResolver, TaskSupervisionFieldsResolver],
  exports: [SupervisionLoader],
})
export class SupervisionModule {}
