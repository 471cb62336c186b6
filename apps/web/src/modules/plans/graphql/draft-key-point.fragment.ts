import { graphql } from '../../../generated';

export const DraftKeyPointFragment = graphql(`
  fragment DraftKeyPoint on KeyPoint {
    id
    version
    seq
    label
    title
    text
    sectionId
    parentId
    dueDate
    deadlines {
      id
      text
      date
    }
    units {
      id
      role
      rawName
      resolution
      impliedFrom
      unit {
        id
        name
      }
      candidates {
        score
        unit {
          id
          name
        }
      }
    }
  }
`);
