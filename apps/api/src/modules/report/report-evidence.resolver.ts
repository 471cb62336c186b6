import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { CurrentViewer } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { FileLoader, StoredFileModel } from '../file/index.js';
import { ReportEvidenceModel } from './dto/progress-report.model.js';

@Resolver(() => ReportEvidenceModel)
export class ReportEvidenceResolver {
  constructor(private readonly files: FileLoader) {}

  @ResolveField(() => StoredFileModel, { nullable: true, description: 'The attached file (FILE evidence)' })
  file(@Parent() evidence: ReportEvidenceModel, @Context('req') req: Request, @CurrentViewer() viewer: Viewer) {
    return evidence.fileId ? this.files.byId(req, viewer).load(evidence.fileId) : null;
  }
}
