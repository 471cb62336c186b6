import { graphql } from '../../../generated';

export const TaskDetailQuery = graphql(`
  query TaskDetail($id: ID!) {
    task(id: $id) {
      ...TaskRow
      assignedOn
      completedAt
      acceptedAt
      closedAt
      closeNote
      delayDateRange {
        earliest
        latest
      }
      keyPoint {
        id
        label
        title
        text
        deadlines {
          id
          text
          date
        }
        units {
          id
          role
          rawName
          unit {
            id
            name
          }
        }
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
        requestedDatePassed
        requestedWhenOverdue
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
