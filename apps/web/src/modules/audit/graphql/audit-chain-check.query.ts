import { graphql } from '../../../generated';

export const AuditChainCheckQuery = graphql(`
  query AuditChainCheck {
    auditChainCheck {
      ok
      verified
      unchained
      archivedThrough
      lastSeq
      pending
      firstBreak {
        seq
        reason
        id
        at
      }
    }
  }
`);
