import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import {
  LevelUrgesArgs,
  LowerUrgeConnection,
  LowerUrgeModel,
  UpperUrgeConnection,
  UpperUrgeModel,
} from './dto/level-urge.model.js';
import { LevelUrgeService } from './level-urge.service.js';

@Resolver()
export class LevelUrgeResolver {
  constructor(private readonly urges: LevelUrgeService) {}

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => LowerUrgeModel, {
    description: "上下联动: 催办 one of this tenant's lower tenants about one of this tenant's published key points",
  })
  urgeLowerTenant(
    @CurrentViewer() viewer: Viewer,
    @Args('lowerTenantId', { type: () => ID }) lowerTenantId: string,
    @Args('keyPointId', { type: () => ID }) keyPointId: string,
    @Args('message') message: string,
  ): Promise<LowerUrgeModel> {
    return this.urges.urge(viewer, lowerTenantId, keyPointId, message);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => UpperUrgeModel, { description: 'The lower office acknowledges (签收) an urge from its upper tenant' })
  acknowledgeUpperUrge(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<UpperUrgeModel> {
    return this.urges.acknowledge(viewer, id);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP')
  @Query(() => LowerUrgeConnection, { description: "This tenant's urges to its lower tenants, newest first" })
  lowerUrges(@CurrentViewer() viewer: Viewer, @Args() args: LevelUrgesArgs): Promise<LowerUrgeConnection> {
    return this.urges.sent(viewer, args);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP')
  @Query(() => UpperUrgeConnection, { description: "Urges from this tenant's upper tenant, newest first" })
  upperUrges(@CurrentViewer() viewer: Viewer, @Args() args: LevelUrgesArgs): Promise<UpperUrgeConnection> {
    return this.urges.inbox(viewer, args);
  }
}
