import { graphql } from '../../../generated';

export const ImportHolidayNoticeMutation = graphql(`
  mutation ImportHolidayNotice($input: HolidayNoticeInput!) {
    importHolidayNotice(input: $input) {
      year
      saved
      warnings
      days {
        date
        workday
        note
        changes
      }
    }
  }
`);
