import { graphql } from '../../../generated';

export const AddKeyPointUnitMutation = graphql(`
  mutation AddKeyPointUnit($keyPointId: ID!, $version: Int!, $unitId: ID!, $role: TaskRole!) {
    addKeyPointUnit(keyPointId: $keyPointId, version: $version, unitId: $unitId, role: $role) {
      ...DraftKeyPoint
    }
  }
`);
