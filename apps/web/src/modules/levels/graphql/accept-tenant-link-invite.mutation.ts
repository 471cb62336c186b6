import { graphql } from '../../../generated';

export const AcceptTenantLinkInviteMutation = graphql(`
  mutation AcceptTenantLinkInvite($code: String!) {
    acceptTenantLinkInvite(code: $code) {
      ...TenantLinksParts
    }
  }
`);
