import { graphql } from '../../../generated';

export const SetCalendarRangeMutation = graphql(`
  mutation SetCalendarRange($input: SetCalendarRangeInput!) {
    setCalendarRange(input: $input) {
      date
      isWorkingDay
      source
      note
      correctionVersion
    }
  }
`);
