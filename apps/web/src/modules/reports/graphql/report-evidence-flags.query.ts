import { graphql } from '../../../generated';

export const ReportEvidenceFlagsQuery = graphql(`
  query ReportEvidenceFlags($id: ID!) {
    report(id: $id) {
      id
      evidenceFlags {
        code
        message
      }
    }
  }
`);
