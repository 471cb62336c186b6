import { graphql } from '../../../generated';

export const NotificationPreferencesQuery = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      emailDigest
      mutedKinds
      version
    }
  }
`);
