import { graphql } from '../../../generated';

export const ImportUnitsMutation = graphql(`
  mutation ImportUnits($input: ImportUnitsInput!) {
    importUnits(input: $input) {
      dryRun
      created
      updated
      unchanged
      errors
      rows {
        row
        name
        action
        message
        changes {
          field
          before
          after
        }
      }
      missing {
        id
        name
      }
      deactivated
    }
  }
`);
