import { graphql } from '../../../generated';

export const AddInstructionMutation = graphql(`
  mutation AddInstruction($keyPointId: ID!, $text: String!, $idempotencyKey: String) {
    addInstruction(keyPointId: $keyPointId, text: $text, idempotencyKey: $idempotencyKey) {
      id
      keyPointId
      text
      authorName
      createdAt
    }
  }
`);
