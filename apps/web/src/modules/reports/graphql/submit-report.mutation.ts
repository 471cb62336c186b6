import { graphql } from '../../../generated';

export const SubmitReportMutation = graphql(`
  mutation SubmitReport($taskId: ID!, $input: SubmitReportInput!) {
    submitReport(taskId: $taskId, input: $input) {
      id
      status
    }
  }
`);
