import { Module } from '@nestjs/common';
import { BackupModule } from '../backup/index.js';
import { UserModule } from '../user/index.js';
import { AssessmentResolver } from './assessment.resolver.js';
import { AssessmentService } from './assessment.service.js';

/** 等保测评视图: each level-3 control, how this tenant has it now, where the evidence is (export: modules/export). */
@Module({
  imports: [UserModule, BackupModule],
  providers: [AssessmentService, AssessmentResolver],
  exports: [AssessmentService],
})
export class AssessmentModule {}
