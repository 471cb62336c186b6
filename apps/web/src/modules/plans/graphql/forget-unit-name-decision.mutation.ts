import { graphql } from '../../../generated';

export const ForgetUnitNameDecisionMutation = graphql(`
  mutation ForgetUnitNameDecision($id: ID!) {
    forgetUnitNameDecision(id: $id)
  }
`);
