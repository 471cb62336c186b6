import { graphql } from '../../../generated';

export const CreateTenantLinkInviteMutation = graphql(`
  mutation CreateTenantLinkInvite($note: String) {
    createTenantLinkInvite(note: $note) {
      code
      invite {
        id
        note
        createdAt
        expiresAt
      }
    }
  }
`);
