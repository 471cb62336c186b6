import { graphql } from '../../../generated';

export const MessageReachQuery = graphql(`
  query MessageReach($kind: NotificationKind!, $unitIds: [ID!], $planId: ID) {
    messageReach(kind: $kind, unitIds: $unitIds, planId: $planId) {
      unreachableUnitNames
      robotNames
      units {
        unitId
        unitName
        people {
          name
          role
          channels
        }
      }
    }
  }
`);
