import { Module } from '@nestjs/common';
import { EvidenceCheckFieldsResolver } from './evidence-check-fields.resolver.js';
import { EvidenceCheckLimits } from './evidence-check.limits.js';
import { EvidenceCheckService } from './evidence-check.service.js';
import { EvidenceLoader } from './evidence.loader.js';
import { EvidenceResolver } from './evidence.resolver.js';
import { ReportEvidenceFlagsResolver } from './report-evidence-flags.resolver.js';

@Module({
  providers: [EvidenceCheckLimits, EvidenceCheckService, EvidenceLoader, EvidenceResolver, ReportEvidenceFlagsResolver, EvidenceCheckFieldsResolver],
  exports: [EvidenceCheckService],
})
export class EvidenceModule {}
