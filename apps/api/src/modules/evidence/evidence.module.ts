import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/index.js';
import { EvidenceCheckFieldsResolver } from './evidence-check-fields.resolver.js';
import { EvidenceCheckLimits } from './evidence-check.limits.js';
import { EvidenceCheckService } from './evidence-check.service.js';
import { EvidenceCheckWorker } from './evidence-check.worker.js';
import { EvidenceLoader } from './evidence.loader.js';
import { EvidenceResolver } from './evidence.resolver.js';
import { ReportEvidenceFlagsResolver } from './report-evidence-flags.resolver.js';

@Module({
  imports: [QueueModule],
  providers: [
    EvidenceCheckLimits,
    EvidenceCheckService,
    EvidenceCheckWorker,
    EvidenceLoader,
    EvidenceResolver,
    ReportEvidenceFlagsResolver,
    EvidenceCheckFieldsResolver,
  ],
  exports: [EvidenceCheckService],
})
export class EvidenceModule {}
