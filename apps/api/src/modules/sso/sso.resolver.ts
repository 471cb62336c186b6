import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { CurrentViewer, Public, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { runOutsideTenant } from '../../database/tenant-context.js';
import { SignInOptionsModel, SsoSettingsModel, UpdateSsoSettingsInput } from './dto/sso-settings.model.js';
import { SsoSettingsService } from './sso-settings.service.js';

const originOf = (req: Request) => `${req.protocol}://${req.get('host')}`;

@Resolver()
export class SsoResolver {
  constructor(private readonly settings: SsoSettingsService) {}

  @Public()
  @Query(() => SignInOptionsModel, {
    description: 'How the tenant with this 机构代码 signs in (an unknown code reads as passwords only)',
  })
  async signInOptions(@Args('tenantCode') tenantCode: string): Promise<SignInOptionsModel> {
    const provider = await runOutsideTenant(() => this.settings.provider({ tenantCode }));
    const sso = !!provider?.enabled;
    return { sso, passwordAllowed: !sso || provider!.passwordAllowed };
  }

  @Roles('OFFICE_ADMIN')
  @Query(() => SsoSettingsModel, { description: 'Office admin: the tenant’s 统一身份认证 settings' })
  ssoSettings(@CurrentViewer() viewer: Viewer, @Context('req') req: Request): Promise<SsoSettingsModel> {
    return this.settings.read(viewer, originOf(req));
  }

  @Roles('OFFICE_ADMIN')
  @Mutation(() => SsoSettingsModel, { description: 'Office admin: sets the 统一身份认证 provider' })
  updateSsoSettings(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateSsoSettingsInput,
    @Context('req') req: Request,
  ): Promise<SsoSettingsModel> {
    return this.settings.update(viewer, input, originOf(req));
  }
}
