import { graphql } from '../../../generated';

export const TaskDetailQuery = graphql(`
  query TaskDetail($id: ID!) {
    task(id: $id) {
      ...TaskRow
      kind
      assignedOn
      completedAt
      acceptedAt
      keyPoint {
        id
        label
        title
        text
        instructions {
          id
          text
          authorName
          createdAt
        }
      }
      milestones {
        id
        text
        date
        doneAt
      }
      reports {
        id
        version
        status
        text
        progress
        claimsCompletion
        submittedAt
        authorName
        leaderName
        leaderComment
        leaderSkipped
        leaderDecidedAt
        reviewerName
        reviewComment
        reviewedAt
        evidence {
          id
          kind
          url
          file {
            id
            filename
            mimeType
            sizeBytes
          }
        }
      }
      delayRequests {
        id
        version
        status
        reason
        currentDueDate
        requestedDueDate
        requestedByName
        decidedByName
        decidedAt
        decisionComment
        createdAt
      }
      urges {
        id
        level
        message
        createdAt
        createdByName
        acknowledgedAt
        acknowledgedByName
        automatic
      }
      history {
        id
        at
        actorName
        entityType
        action
        note
        before
        after
      }
    }
  }
`);
