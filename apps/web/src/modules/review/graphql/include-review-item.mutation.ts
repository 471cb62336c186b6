import { graphql } from '../../../generated';

export const IncludeReviewItemMutation = graphql(`
  mutation IncludeReviewItem($itemId: ID!, $version: Int!) {
    includeReviewItem(itemId: $itemId, version: $version) {
      ...ReviewItemRow
    }
  }
`);
