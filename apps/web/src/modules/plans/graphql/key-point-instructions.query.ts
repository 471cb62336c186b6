import { graphql } from '../../../generated';

export const KeyPointInstructionsQuery = graphql(`
  query KeyPointInstructions($planId: ID!) {
    plan(id: $planId) {
      id
      keyPoints {
        id
        instructions {
          id
          text
          authorName
          createdAt
        }
      }
    }
  }
`);
