import { Module } from '@nestjs/common';
import { MessagingModule } from '../messaging/index.js';
import { UnitModule } from '../unit/index.js';
import { InstructionResolver } from './instruction.resolver.js';
import { InstructionService } from './instruction.service.js';
import { KeyPointDraftResolver } from './key-point-draft.resolver.js';
import { KeyPointDraftService } from './key-point-draft.service.js';
import { KeyPointUnitResolver } from './key-point-unit.resolver.js';
import { KeyPointResolver } from './key-point.resolver.js';
import { PlanDraftResolver } from './plan-draft.resolver.js';
import { PlanDraftService } from './plan-draft.service.js';
import { PlanImportService } from './plan-import.service.js';
import { PlanLoader } from './plan.loader.js';
import { KeyPointProgressResolver, PlanProgressResolver } from './plan-progress.resolver.js';
import { PlanProgressService } from './plan-progress.service.js';
import { PlanQueryService } from './plan-query.service.js';
import { PlanResolver } from './plan.resolver.js';
import { UnitNameResolver } from './names/unit-name.resolver.js';
import { UnitNameService } from './names/unit-name.service.js';
import { PublishWarningsLoader } from './publish-warnings.loader.js';
import { PlanDuplicatesResolver, PublishWarningsResolver } from './publish-warnings.resolver.js';
import { SourceMarkResolver } from './source/source-mark.resolver.js';
import { SourceMarkService } from './source/source-mark.service.js';
import { PlanUploadController } from './plan-upload.controller.js';

@Module({
  imports: [UnitModule, MessagingModule],
  controllers: [PlanUploadController],
  providers: [
    PlanLoader,
    PlanQueryService,
    PlanImportService,
    PlanDraftService,
    KeyPointDraftService,
    InstructionService,
    PlanProgressService,
    UnitNameService,
    SourceMarkService,
    PublishWarningsLoader,
    PlanResolver,
    PlanDraftResolver,
    KeyPointResolver,
    KeyPointDraftResolver,
    KeyPointUnitResolver,
    InstructionResolver,
    PlanProgressResolver,
    KeyPointProgressResolver,
    UnitNameResolver,
    SourceMarkResolver,
    PublishWarningsResolver,
    PlanDuplicatesResolver,
  ],
  exports: [PlanLoader],
})
export class PlanModule {}
