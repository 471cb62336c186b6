import { graphql } from '../../../generated';

export const IssueSupervisionNoticeMutation = graphql(`
  mutation IssueSupervisionNotice($input: IssueSupervisionNoticeInput!) {
    issueSupervisionNotice(input: $input) {
      ...SupervisionNoticeFields
    }
  }
`);
