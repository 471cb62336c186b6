import { Module } from '@nestjs/common';
import { FileStorageModule } from '../file-storage/index.js';
import { MessagingModule } from '../messaging/index.js';
import { QueueModule } from '../queue/index.js';
import { LevelUrgeResolver } from './level-urge.resolver.js';
import { LevelUrgeService } from './level-urge.service.js';
import { LowerFileController } from './lower-file.controller.js';
import { LowerFileService } from './lower-file.service.js';
import { LowerRollupResolver } from './lower-rollup.resolver.js';
import { LowerRollupService } from './lower-rollup.service.js';
import { TenantLinkResolver } from './tenant-link.resolver.js';
import { TenantLinkService } from './tenant-link.service.js';
import { UpperPlanPointResolver } from './upper-plan-point.resolver.js';
import { UpperPlanPointService } from './upper-plan-point.service.js';
import { UpperPlanPointWorker } from './upper-plan-point.worker.js';
import { UpperShareSettingResolver } from './upper-share-setting.resolver.js';
import { UpperShareSettingService } from './upper-share-setting.service.js';

/** 上下联动: links between an upper tenant and its lower tenants, and the lower's key points linked to the upper's. */
@Module({
  imports: [FileStorageModule, MessagingModule, QueueModule],
  controllers: [LowerFileController],
  providers: [
    TenantLinkService,
    TenantLinkResolver,
    UpperPlanPointService,
    UpperPlanPointResolver,
    UpperPlanPointWorker,
    LowerRollupService,
    LowerRollupResolver,
    LowerFileService,
    LevelUrgeService,
    LevelUrgeResolver,
    UpperShareSettingService,
    UpperShareSettingResolver,
  ],
  exports: [UpperPlanPointService, LowerRollupService],
})
export class LevelsModule {}
