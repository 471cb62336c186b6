import { graphql } from '../../../generated';

export const SubmitReportMutation = graphql(`
  mutation SubmitReport($taskId: ID!, $input: SubmitReportInput!, $idempotencyKey: String) {
    submitReport(taskId: $taskId, input: $input, idempotencyKey: $idempotencyKey) {
      id
      status
    }
  }
`);
