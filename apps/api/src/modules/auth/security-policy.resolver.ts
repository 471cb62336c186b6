import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { SecurityPolicyModel, UpdateSecurityPolicyInput } from './dto/security-policy.model.js';
import { describePasswordRule, type SecurityPolicy } from './security-policy.js';
import { SecurityPolicyService } from './security-policy.service.js';

const toModel = (policy: SecurityPolicy & { version: number }): SecurityPolicyModel => ({
  ...policy,
  passwordRule: describePasswordRule(policy),
});

@Resolver(() => SecurityPolicyModel)
export class SecurityPolicyResolver {
  constructor(private readonly policies: SecurityPolicyService) {}

  @Roles('SECURITY_ADMIN')
  @Query(() => SecurityPolicyModel, { description: 'Security admin: the tenant’s password and session policy' })
  async securityPolicy(@CurrentViewer() viewer: Viewer): Promise<SecurityPolicyModel> {
    return toModel(await this.policies.get(viewer.tenantId));
  }

  @Roles('SECURITY_ADMIN')
  @Mutation(() => SecurityPolicyModel, { description: 'Security admin: sets the password and session policy' })
  async updateSecurityPolicy(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateSecurityPolicyInput,
  ): Promise<SecurityPolicyModel> {
    return toModel(await this.policies.update(viewer, input));
  }
}
