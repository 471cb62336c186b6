import { graphql } from '../../../generated';

export const SupervisionNoticesQuery = graphql(`
  query SupervisionNotices($unitId: ID, $taskId: ID, $first: Int) {
    supervisionNotices(unitId: $unitId, taskId: $taskId, first: $first) {
      totalCount
      nodes {
        ...SupervisionNoticeFields
      }
    }
  }
`);
