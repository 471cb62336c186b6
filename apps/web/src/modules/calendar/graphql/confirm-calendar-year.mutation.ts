import { graphql } from '../../../generated';

export const ConfirmCalendarYearMutation = graphql(`
  mutation ConfirmCalendarYear($year: Int!) {
    confirmCalendarYear(year: $year) {
      year
      covered
      confirmedByOffice
      workingDayCount
    }
  }
`);
