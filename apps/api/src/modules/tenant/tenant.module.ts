import { Module } from '@nestjs/common';
import { TenantResolver } from './tenant.resolver.js';
import { TenantSettingsService } from './tenant-settings.service.js';
import { TenantService } from './tenant.service.js';

@Module({ providers: [TenantService, TenantSettingsService, TenantResolver], exports: [TenantSettingsService] })
export class TenantModule {}
