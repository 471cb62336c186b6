import { graphql } from '../../../generated';

export const ReviewSummaryQuery = graphql(`
  query ReviewSummary($id: ID!) {
    reviewSummary(id: $id) {
      planTitle
      planYear
      counts {
        total
        recorded
        pending
        excluded
        implemented
        partial
        notImplemented
        notApplicable
        rectifications
      }
      byUnit {
        unitId
        unitName
        counts {
          total
          implemented
          partial
          notImplemented
          notApplicable
          pending
          rectifications
        }
      }
      rectifications {
        taskId
        originTaskId
        unitId
        unitName
        keyPointLabel
        keyPointTitle
        verdict
        requirement
        dueDate
        status
      }
    }
  }
`);
