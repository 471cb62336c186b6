import { graphql } from '../../../generated';

export const DirectoryUnitsQuery = graphql(`
  query DirectoryUnits($filter: UnitFilterInput) {
    units(filter: $filter) {
      ...DirectoryUnit
    }
  }
`);
