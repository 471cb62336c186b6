import { graphql } from '../../../generated';

export const ExcludeReviewItemMutation = graphql(`
  mutation ExcludeReviewItem($itemId: ID!, $version: Int!, $reason: String!) {
    excludeReviewItem(itemId: $itemId, version: $version, reason: $reason) {
      ...ReviewItemRow
    }
  }
`);
