import { graphql } from '../../../generated';

export const NotificationPreferencesFieldsFragment = graphql(`
  fragment NotificationPreferencesFields on NotificationPreferences {
    emailDigest
    mutedKinds
    quietHours
    reachableChannels
    channels {
      kind
      channels
    }
    version
  }
`);
