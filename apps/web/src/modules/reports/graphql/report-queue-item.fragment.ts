import { graphql } from '../../../generated';

export const ReportQueueItemFragment = graphql(`
  fragment ReportQueueItem on ProgressReport {
    id
    version
    status
    text
    progress
    claimsCompletion
    leaderSkipped
    submittedAt
    authorName
    unit {
      id
      name
    }
    task {
      id
      keyPoint {
        id
        label
        title
      }
    }
    evidence {
      id
      kind
      url
      file {
        id
        filename
        sizeBytes
      }
    }
  }
`);
