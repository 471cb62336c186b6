import { Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { LightRecomputeModel } from './dto/light-recompute.model.js';
import { LightRecomputeService } from './light-recompute.service.js';

@Resolver(() => LightRecomputeModel)
export class LightRecomputeResolver {
  constructor(private readonly recompute: LightRecomputeService) {}

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Query(() => LightRecomputeModel, {
    nullable: true,
    description: 'Progress of the warning-light recomputation a rule change started; null before any',
  })
  lightRecompute(@CurrentViewer() viewer: Viewer): Promise<LightRecomputeModel | null> {
    return this.recompute.status(viewer);
  }
}
