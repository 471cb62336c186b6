import { graphql } from '../../../generated';

export const LowerRollupDetailQuery = graphql(`
  query LowerRollupDetail($keyPointId: ID!) {
    lowerRollupDetail(keyPointId: $keyPointId) {
      id
      lowerTenantId
      lowerTenantName
      label
      title
      tasks {
        id
        unitName
        status
        light
        dueDate
        lastReportOn
        overdue
        sharedReport {
          text
          attachments {
            fileId
            filename
          }
          reportOn
        }
      }
    }
  }
`);
