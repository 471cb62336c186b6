import { graphql } from '../../../generated';

export const TenantCodeQuery = graphql(`
  query TenantCode {
    tenant {
      id
      code
    }
  }
`);
