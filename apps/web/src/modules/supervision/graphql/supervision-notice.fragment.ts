import { graphql } from '../../../generated';

export const SupervisionNoticeFieldsFragment = graphql(`
  fragment SupervisionNoticeFields on SupervisionNotice {
    id
    numberText
    unitId
    unitName
    color
    note
    createdAt
    createdByName
    tasks {
      taskId
      title
      dueDate
      progress
      color
      state
    }
  }
`);
