import { graphql } from '../../../generated';

export const CalendarYearQuery = graphql(`
  query CalendarYear($year: Int!) {
    calendarYear(year: $year) {
      year
      covered
      confirmedByOffice
      workingDayCount
      days {
        date
        isWorkingDay
        note
        source
        correctionVersion
      }
    }
  }
`);
