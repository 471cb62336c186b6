import { graphql } from '../../../generated';

export const RevokeTenantLinkInviteMutation = graphql(`
  mutation RevokeTenantLinkInvite($id: ID!) {
    revokeTenantLinkInvite(id: $id) {
      ...TenantLinksParts
    }
  }
`);
