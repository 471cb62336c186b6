import { graphql } from '../../../generated';

export const SetKeyPointUnitMutation = graphql(`
  mutation SetKeyPointUnit($id: ID!, $version: Int!, $unitId: ID, $role: TaskRole) {
    setKeyPointUnit(id: $id, version: $version, unitId: $unitId, role: $role) {
      ...DraftKeyPoint
    }
  }
`);
