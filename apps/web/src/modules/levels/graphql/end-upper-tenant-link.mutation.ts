import { graphql } from '../../../generated';

export const EndUpperTenantLinkMutation = graphql(`
  mutation EndUpperTenantLink {
    endUpperTenantLink {
      ...TenantLinksParts
    }
  }
`);
