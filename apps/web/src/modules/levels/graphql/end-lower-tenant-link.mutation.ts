import { graphql } from '../../../generated';

export const EndLowerTenantLinkMutation = graphql(`
  mutation EndLowerTenantLink($tenantId: ID!) {
    endLowerTenantLink(tenantId: $tenantId) {
      ...TenantLinksParts
    }
  }
`);
