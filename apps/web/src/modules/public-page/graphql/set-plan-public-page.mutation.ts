import { graphql } from '../../../generated';

export const SetPlanPublicPageMutation = graphql(`
  mutation SetPlanPublicPage($planId: ID!, $enabled: Boolean!, $version: Int!) {
    setPlanPublicPage(planId: $planId, enabled: $enabled, version: $version) {
      id
      publicPage
      path
      version
    }
  }
`);
