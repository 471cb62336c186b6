import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { UrgeConnection, UrgeModel } from './dto/urge.model.js';
import { SuperviseProposalService } from './supervise-proposal.service.js';

// Typed so the schema generator (which looks for a resolver type) finds it.
@Resolver(() => UrgeModel)
export class SuperviseProposalResolver {
  constructor(private readonly proposals: SuperviseProposalService) {}

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP')
  @Query(() => UrgeConnection, {
    description: '拟督办名单: automatic 督办 proposals whose task is still open, for the next 通报',
  })
  superviseProposals(
    @CurrentViewer() viewer: Viewer,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<UrgeConnection> {
    return this.proposals.list(viewer, first, after);
  }
}
