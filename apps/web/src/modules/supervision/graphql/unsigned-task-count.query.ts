import { graphql } from '../../../generated';

export const UnsignedTaskCountQuery = graphql(`
  query UnsignedTaskCount {
    unsignedTaskCount
  }
`);
