import { graphql } from '../../../generated';

export const MessageSettingsQuery = graphql(`
  query MessageSettings {
    messageSettings {
      ...MessageSettingsFields
    }
  }
`);
