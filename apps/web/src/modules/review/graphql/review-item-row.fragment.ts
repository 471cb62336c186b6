import { graphql } from '../../../generated';

export const ReviewItemRowFragment = graphql(`
  fragment ReviewItemRow on ReviewItem {
    id
    version
    verdict
    notes
    evidenceUrls
    rectificationRequirement
    rectificationTaskId
    reviewedAt
    reviewerName
    excludedReason
    excludedByName
    excludedAt
    taskId
    unitId
    unit {
      id
      name
    }
    rectificationTask {
      id
      dueDate
      status
    }
    task {
      id
      role
      status
      light
      progress
      dueDate
      isLate
      keyPoint {
        id
        label
        title
      }
    }
  }
`);
