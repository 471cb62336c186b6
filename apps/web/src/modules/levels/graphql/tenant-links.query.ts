import { graphql } from '../../../generated';

export const TenantLinksQuery = graphql(`
  query TenantLinks {
    tenantLinks {
      ...TenantLinksParts
    }
  }
`);
