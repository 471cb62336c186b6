import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import {
  IssueSupervisionNoticeInput,
  SupervisionNoticeConnection,
  SupervisionNoticeModel,
  SupervisionNoticesArgs,
} from './dto/supervision-notice.model.js';
import { SupervisionNoticeService } from './supervision-notice.service.js';

@Resolver(() => SupervisionNoticeModel)
export class SupervisionNoticeResolver {
  constructor(private readonly notices: SupervisionNoticeService) {}

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => SupervisionNoticeModel, {
    description: '督办: issues a numbered 督办通知单 to a unit about its tasks; the unit is told at once',
  })
  issueSupervisionNotice(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: IssueSupervisionNoticeInput,
  ): Promise<SupervisionNoticeModel> {
    return this.notices.issue(viewer, input);
  }

  @Query(() => SupervisionNoticeConnection, {
    description: '督办通知单, newest first: the office sees all, a unit its own',
  })
  supervisionNotices(
    @CurrentViewer() viewer: Viewer,
    @Args() args: SupervisionNoticesArgs,
  ): Promise<SupervisionNoticeConnection> {
    return this.notices.list(viewer, args);
  }
}
