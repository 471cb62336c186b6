import { graphql } from '../../../generated';

export const PlanDraftQuery = graphql(`
  query PlanDraft($id: ID!) {
    plan(id: $id) {
      id
      version
      title
      year
      docNumber
      issuer
      status
      sourceText
      sourceFilename
      parseWarnings
      unresolvedCount
      publishedAt
      sections {
        id
        label
        title
        sort
      }
      keyPoints {
        ...DraftKeyPoint
      }
      publishPreview {
        keyPoints
        tasksToCreate
        unitsInvolved
        keyPointsWithoutUnits
        unresolvedNames
      }
    }
  }
`);
