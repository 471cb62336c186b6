import { graphql } from '../../../generated';

export const UrgeLowerTenantMutation = graphql(`
  mutation UrgeLowerTenant($lowerTenantId: ID!, $keyPointId: ID!, $message: String!) {
    urgeLowerTenant(lowerTenantId: $lowerTenantId, keyPointId: $keyPointId, message: $message) {
      ...LowerUrgeParts
    }
  }
`);
