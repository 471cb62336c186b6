import { graphql } from '../../../generated';

export const LightRecomputeQuery = graphql(`
  query LightRecompute {
    lightRecompute {
      reason
      total
      done
      changed
      startedAt
      finishedAt
      running
      failed
    }
  }
`);
