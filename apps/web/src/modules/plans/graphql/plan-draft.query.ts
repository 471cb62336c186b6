import { graphql } from '../../../generated';

export const PlanDraftQuery = graphql(`
  query PlanDraft($id: ID!) {
    plan(id: $id) {
      ...PlanHeaderFields
      status
      sourceText
      sourceFilename
      parseWarnings
      unresolvedCount
      publishedAt
      defaultDueDate
      duplicatePlans {
        id
        title
        status
      }
      sections {
        id
        label
        title
        sort
      }
      milestones {
        id
        text
        date
      }
      keyPoints {
        ...DraftKeyPoint
      }
      publishPreview {
        ...PublishPreviewFields
      }
      unitNames {
        ...DraftUnitNameFields
      }
    }
  }
`);
