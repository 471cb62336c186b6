import { graphql } from '../../../generated';

export const TestWorkAppMutation = graphql(`
  mutation TestWorkApp($platform: RobotPlatform!) {
    testWorkApp(platform: $platform) {
      delivered
      code
      detail
      answer
    }
  }
`);
