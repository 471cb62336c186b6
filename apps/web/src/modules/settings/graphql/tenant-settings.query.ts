import { graphql } from '../../../generated';

export const TenantSettingsQuery = graphql(`
  query TenantSettings {
    tenant {
      id
      version
      name
      code
      settings {
        leaderApproval
        yellowWithinWorkingDays
        remindBeforeWorkingDays
        urgeAfterWorkingDays
        superviseAfterWorkingDays
        paceMarginPercent
        defaultDueMonthDay
        allowIntranetEvidence
        webhookUrl
        reportCycle {
          kind
          dayOfMonth
          weekday
        }
      }
    }
  }
`);
