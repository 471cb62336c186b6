import { graphql } from '../../../generated';

export const PublishPreviewFragment = graphql(`
  fragment PublishPreviewFields on PublishPreview {
    keyPoints
    tasksToCreate
    unitsInvolved
    keyPointsWithoutUnits
    unresolvedNames
    unresolvedOccurrences
    unitsWithoutLiaison {
      id
      name
    }
    pastTimeLimits {
      keyPointId
      label
      title
      text
      date
      isDueDate
    }
  }
`);
