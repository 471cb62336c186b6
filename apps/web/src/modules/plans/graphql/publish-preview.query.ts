import { graphql } from '../../../generated';

export const PublishPreviewQuery = graphql(`
  query PublishPreview($id: ID!) {
    plan(id: $id) {
      id
      version
      unresolvedCount
      publishPreview {
        ...PublishPreviewFields
      }
      unitNames {
        ...DraftUnitNameFields
      }
    }
  }
`);
