import { graphql } from '../../../generated';

export const RecordVerdictMutation = graphql(`
  mutation RecordVerdict($input: RecordVerdictInput!) {
    recordVerdict(input: $input) {
      ...ReviewItemRow
    }
  }
`);
