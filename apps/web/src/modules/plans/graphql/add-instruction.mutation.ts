import { graphql } from '../../../generated';

export const AddInstructionMutation = graphql(`
  mutation AddInstruction($keyPointId: ID!, $text: String!) {
    addInstruction(keyPointId: $keyPointId, text: $text) {
      id
      keyPointId
      text
      authorName
      createdAt
    }
  }
`);
