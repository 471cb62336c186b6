import { graphql } from '../../../generated';

export const ReviewFieldsFragment = graphql(`
  fragment ReviewFields on Review {
    id
    version
    title
    status
    planId
    openedAt
    completedAt
    itemCount
    untimedTaskCount
    plan {
      id
      title
      year
    }
    progress {
      total
      recorded
      pending
      excluded
      implemented
      partial
      notImplemented
      notApplicable
      rectifications
    }
  }
`);
