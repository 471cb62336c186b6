import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { CurrentViewer } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { ReportEvidenceModel } from '../report/index.js';
import { EvidenceLoader } from './evidence.loader.js';

/** Check results the report module's evidence type does not carry itself. */
@Resolver(() => ReportEvidenceModel)
export class EvidenceCheckFieldsResolver {
  constructor(private readonly loaders: EvidenceLoader) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'Where the URL finally led after redirects, at the last check',
  })
  checkFinalUrl(
    @Parent() evidence: ReportEvidenceModel,
    @Context('req') req: Request,
    @CurrentViewer() viewer: Viewer,
  ) {
    return evidence.kind === 'URL' ? this.loaders.finalUrl(req, viewer).load(evidence.id) : null;
  }
}
