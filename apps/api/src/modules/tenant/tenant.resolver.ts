import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { TenantModel } from './dto/tenant.model.js';
import { UpdateTenantSettingsInput } from './dto/update-tenant-settings.input.js';
import { TenantService } from './tenant.service.js';

@Resolver(() => TenantModel)
export class TenantResolver {
  constructor(private readonly tenants: TenantService) {}

  @Query(() => TenantModel, { description: "The viewer's tenant with its settings (defaults filled in)" })
  tenant(@CurrentViewer() viewer: Viewer): Promise<TenantModel> {
    return this.tenants.current(viewer);
  }

  @Roles('OFFICE_ADMIN')
  @Mutation(() => TenantModel, { description: 'Office admin: changes the given settings, keeping the others' })
  updateTenantSettings(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateTenantSettingsInput,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<TenantModel> {
    return this.tenants.updateSettings(viewer, input, version);
  }
}
