import { graphql } from '../../../generated';

export const TenantLinksFragment = graphql(`
  fragment TenantLinksParts on TenantLinks {
    upper {
      id
      name
      linkedAt
    }
    lowers {
      id
      name
      linkedAt
    }
    invites {
      id
      note
      createdAt
      expiresAt
    }
  }
`);
