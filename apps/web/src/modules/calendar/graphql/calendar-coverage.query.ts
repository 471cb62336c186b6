import { graphql } from '../../../generated';

export const CalendarCoverageQuery = graphql(`
  query CalendarCoverage {
    calendarCoverage {
      year
      covered
    }
  }
`);
