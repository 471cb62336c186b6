import { graphql } from '../../../generated';

export const LowerUrgeFragment = graphql(`
  fragment LowerUrgeParts on LowerUrge {
    id
    lowerTenantId
    lowerTenantName
    keyPointId
    keyPointLabel
    keyPointTitle
    situation
    message
    createdByName
    createdAt
    acknowledgedAt
    acknowledgedByName
  }
`);
