import { graphql } from '../../../generated';

export const UnitsQuery = graphql(`
  query Units($filter: UnitFilterInput) {
    units(filter: $filter) {
      id
      name
      kind
      active
      aliases
    }
  }
`);
