import { graphql } from '../../../generated';

export const DirectoryUnitFragment = graphql(`
  fragment DirectoryUnit on Unit {
    id
    version
    name
    kind
    active
    aliases
    parentId
    sort
    people {
      id
      displayName
      role
      phone
      lastSignInAt
    }
  }
`);
