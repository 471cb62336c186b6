// What other modules may use from the tenant feature.
export { TenantModule } from './tenant.module.js';
export { TenantSettingsService } from './tenant-settings.service.js';
export { domainReportCycle, type TenantSettings } from './tenant-settings.js';
