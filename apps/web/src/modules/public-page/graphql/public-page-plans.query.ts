import { graphql } from '../../../generated';

export const PublicPagePlansQuery = graphql(`
  query PublicPagePlans {
    publicPagePlans {
      id
      year
      title
      publicPage
      path
      version
    }
  }
`);
