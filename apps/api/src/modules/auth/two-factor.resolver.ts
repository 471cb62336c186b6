import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, EveryRole, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { TwoFactorEnrolmentModel } from './dto/two-factor.model.js';
import { TwoFactorService } from './two-factor.service.js';

@Resolver()
export class TwoFactorResolver {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @EveryRole()
  @Mutation(() => TwoFactorEnrolmentModel, { description: 'Starts setting up two-factor sign-in for oneself' })
  beginTwoFactorEnrolment(@CurrentViewer() viewer: Viewer): Promise<TwoFactorEnrolmentModel> {
    return this.twoFactor.begin(viewer);
  }

  @EveryRole()
  @Mutation(() => [String], {
    description:
      'Finishes setting up two-factor sign-in with a first code; returns the recovery codes, shown this once',
  })
  confirmTwoFactorEnrolment(@CurrentViewer() viewer: Viewer, @Args('code') code: string): Promise<string[]> {
    return this.twoFactor.confirm(viewer, code);
  }

  @Roles('SECURITY_ADMIN')
  @Mutation(() => Boolean, {
    description: 'Security admin: turns a person’s two-factor off (lost phone) and signs them out',
  })
  resetTwoFactor(
    @CurrentViewer() viewer: Viewer,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<boolean> {
    return this.twoFactor.reset(viewer, userId);
  }
}
