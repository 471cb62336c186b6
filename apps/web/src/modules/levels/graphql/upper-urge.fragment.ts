import { graphql } from '../../../generated';

export const UpperUrgeFragment = graphql(`
  fragment UpperUrgeParts on UpperUrge {
    id
    upperTenantName
    keyPointLabel
    keyPointTitle
    situation
    message
    senderName
    createdAt
    acknowledgedAt
    acknowledgedByName
    linkedKeyPoints {
      id
      planId
      label
      title
    }
  }
`);
