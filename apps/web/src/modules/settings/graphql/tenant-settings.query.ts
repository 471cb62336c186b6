import { graphql } from '../../../generated';

export const TenantSettingsQuery = graphql(`
  query TenantSettings {
    tenant {
      ...TenantWithSettings
    }
  }
`);
