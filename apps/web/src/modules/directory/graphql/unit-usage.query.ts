import { graphql } from '../../../generated';

export const UnitUsageQuery = graphql(`
  query UnitUsage($id: ID!) {
    unit(id: $id) {
      id
      version
      usage {
        activePeople
        openTasks
      }
    }
  }
`);
