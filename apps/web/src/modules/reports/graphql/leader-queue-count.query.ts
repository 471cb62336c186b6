import { graphql } from '../../../generated';

/** How many reports wait for the unit leader: the menu's and the home page's count. */
export const LeaderQueueCountQuery = graphql(`
  query LeaderQueueCount {
    leaderQueue(first: 1) {
      totalCount
    }
  }
`);
