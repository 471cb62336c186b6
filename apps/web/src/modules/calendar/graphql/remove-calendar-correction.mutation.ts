import { graphql } from '../../../generated';

export const RemoveCalendarCorrectionMutation = graphql(`
  mutation RemoveCalendarCorrection($date: String!, $version: Int!) {
    removeCalendarCorrection(date: $date, version: $version) {
      date
      isWorkingDay
      note
      source
      correctionVersion
    }
  }
`);
