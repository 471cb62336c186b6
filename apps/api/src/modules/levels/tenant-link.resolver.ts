import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { TenantLinkInviteCreatedModel, TenantLinksModel } from './dto/tenant-links.model.js';
import { TenantLinkService } from './tenant-link.service.js';

@Resolver(() => TenantLinksModel)
export class TenantLinkResolver {
  constructor(private readonly links: TenantLinkService) {}

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP')
  @Query(() => TenantLinksModel, {
    description: '上下联动: the upper tenant, the lower tenants and (office admin) the open invitations',
  })
  tenantLinks(@CurrentViewer() viewer: Viewer): Promise<TenantLinksModel> {
    return this.links.links(viewer);
  }

  @Roles('OFFICE_ADMIN')
  @Mutation(() => TenantLinkInviteCreatedModel, {
    description: 'Upper office: a one-time code (valid 7 days) a lower office accepts to link under this tenant',
  })
  createTenantLinkInvite(
    @CurrentViewer() viewer: Viewer,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<TenantLinkInviteCreatedModel> {
    return this.links.createInvite(viewer, note);
  }

  @Roles('OFFICE_ADMIN')
  @Mutation(() => TenantLinksModel, { description: 'Upper office: withdraws an invitation not used yet' })
  revokeTenantLinkInvite(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<TenantLinksModel> {
    return this.links.revokeInvite(viewer, id);
  }

  @Roles('OFFICE_ADMIN')
  @Mutation(() => TenantLinksModel, {
    description: "Lower office: accepts an upper office's invitation code; a tenant has at most one upper tenant",
  })
  acceptTenantLinkInvite(@CurrentViewer() viewer: Viewer, @Args('code') code: string): Promise<TenantLinksModel> {
    return this.links.accept(viewer, code);
  }

  @Roles('OFFICE_ADMIN')
  @Mutation(() => TenantLinksModel, { description: 'Lower office: ends the link to its upper tenant' })
  endUpperTenantLink(
    @CurrentViewer() viewer: Viewer,
    @Args('upperTenantId', { type: () => ID }) upperTenantId: string,
  ): Promise<TenantLinksModel> {
    return this.links.endUpper(viewer, upperTenantId);
  }

  @Roles('OFFICE_ADMIN')
  @Mutation(() => TenantLinksModel, { description: 'Upper office: ends the link of one of its lower tenants' })
  endLowerTenantLink(
    @CurrentViewer() viewer: Viewer,
    @Args('tenantId', { type: () => ID }) tenantId: string,
  ): Promise<TenantLinksModel> {
    return this.links.endLower(viewer, tenantId);
  }
}
