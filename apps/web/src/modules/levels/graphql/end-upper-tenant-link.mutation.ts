import { graphql } from '../../../generated';

export const EndUpperTenantLinkMutation = graphql(`
  mutation EndUpperTenantLink($upperTenantId: ID!) {
    endUpperTenantLink(upperTenantId: $upperTenantId) {
      ...TenantLinksParts
    }
  }
`);
