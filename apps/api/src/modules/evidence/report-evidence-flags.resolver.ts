import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { CurrentViewer } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { ProgressReportModel } from '../report/index.js';
import { EvidenceFlagModel } from './dto/evidence-flag.model.js';
import { EvidenceLoader } from './evidence.loader.js';

/** What the office should see about a report's evidence pages before accepting it. */
@Resolver(() => ProgressReportModel)
export class ReportEvidenceFlagsResolver {
  constructor(private readonly loaders: EvidenceLoader) {}

  @ResolveField(() => [EvidenceFlagModel], {
    description: 'Problems the evidence check found (unreachable pages, published after the time limit)',
  })
  evidenceFlags(@Parent() report: ProgressReportModel, @Context('req') req: Request, @CurrentViewer() viewer: Viewer) {
    return this.loaders.flags(req, viewer).load(report.id);
  }
}
