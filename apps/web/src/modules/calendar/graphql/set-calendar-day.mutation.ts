import { graphql } from '../../../generated';

export const SetCalendarDayMutation = graphql(`
  mutation SetCalendarDay($input: SetCalendarDayInput!) {
    setCalendarDay(input: $input) {
      date
      isWorkingDay
      note
      source
      correctionVersion
    }
  }
`);
