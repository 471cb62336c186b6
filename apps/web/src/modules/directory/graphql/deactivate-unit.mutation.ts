import { graphql } from '../../../generated';

export const DeactivateUnitMutation = graphql(`
  mutation DeactivateUnit($id: ID!, $version: Int!, $moveOpenTasksTo: ID) {
    deactivateUnit(id: $id, version: $version, moveOpenTasksTo: $moveOpenTasksTo) {
      unit {
        ...DirectoryUnit
      }
      movedTasks
      keptTasks
    }
  }
`);
