import { graphql } from '../../../generated';

export const MessageSettingsFieldsFragment = graphql(`
  fragment MessageSettingsFields on MessageSettings {
    wecom {
      appId
      agentId
      secretMasked
    }
    dingtalk {
      appId
      agentId
      secretMasked
    }
    defaultChannels {
      kind
      channels
    }
    workStart
    workEnd
    emailAvailable
    version
  }
`);
