import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { ReportEvidenceModel } from '../report/index.js';
import { EvidenceCheckService } from './evidence-check.service.js';

@Resolver(() => ReportEvidenceModel)
export class EvidenceResolver {
  constructor(private readonly checks: EvidenceCheckService) {}

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => [ReportEvidenceModel], {
    description:
      "Office: check a report's evidence pages now (call it when opening a report for acceptance). " +
      'Fetches at most once a minute per report; sooner calls return the stored results.',
  })
  checkEvidence(
    @CurrentViewer() viewer: Viewer,
    @Args('reportId', { type: () => ID }) reportId: string,
  ): Promise<ReportEvidenceModel[]> {
    return this.checks.requestCheck(viewer, reportId);
  }
}
