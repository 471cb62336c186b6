import { Module } from '@nestjs/common';
import { TenantLinkResolver } from './tenant-link.resolver.js';
import { TenantLinkService } from './tenant-link.service.js';

/** 上下联动: links between an upper tenant and its lower tenants. */
@Module({ providers: [TenantLinkService, TenantLinkResolver] })
export class LevelsModule {}
