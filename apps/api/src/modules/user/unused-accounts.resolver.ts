import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { UserModel } from './dto/user.model.js';
import { UNUSED_DAYS, UnusedAccountsService } from './unused-accounts.service.js';

const DAYS = {
  type: () => Int,
  nullable: true,
  description: `No sign-in for this many days (${UNUSED_DAYS.min}–${UNUSED_DAYS.max}, default ${UNUSED_DAYS.default})`,
};

@Resolver()
export class UnusedAccountsResolver {
  constructor(private readonly unused: UnusedAccountsService) {}

  @Roles('SECURITY_ADMIN')
  @Query(() => [UserModel], {
    description: 'Security admin: active accounts with no sign-in for `days` (or never, made that long ago)',
  })
  unusedAccounts(@CurrentViewer() viewer: Viewer, @Args('days', DAYS) days?: number | null): Promise<UserModel[]> {
    return this.unused.list(viewer, days ?? UNUSED_DAYS.default);
  }

  @Roles('SECURITY_ADMIN')
  @Mutation(() => Int, {
    description: 'Security admin: deactivates those of the accounts that are still unused; returns how many',
  })
  disableUnusedAccounts(
    @CurrentViewer() viewer: Viewer,
    @Args('userIds', { type: () => [ID] }) userIds: string[],
    @Args('days', DAYS) days?: number | null,
  ): Promise<number> {
    return this.unused.disable(viewer, userIds, days ?? UNUSED_DAYS.default);
  }
}
