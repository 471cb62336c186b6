import { graphql } from '../../../generated';

export const UpdateTenantSettingsMutation = graphql(`
  mutation UpdateTenantSettings($input: UpdateTenantSettingsInput!, $version: Int!) {
    updateTenantSettings(input: $input, version: $version) {
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
