// What other modules may use from the tenant feature.
export { TenantModule } from './tenant.module.js';
export { TenantSettingsService } from './tenant-settings.service.js';
export {
  domainReportCycle,
  withDefaults as tenantSettingsWithDefaults,
  type TenantSettings,
} from './tenant-settings.js';
