import { graphql } from '../../../generated';

/** The tenant with its settings, as read and as returned after saving. */
export const TenantWithSettingsFragment = graphql(`
  fragment TenantWithSettings on Tenant {
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
      signWithinWorkingDays
      publicName
      publicFrameAncestors
      reportCycle {
        kind
        dayOfMonth
        weekday
      }
    }
  }
`);
