import { graphql } from '../../../generated';

export const TestMessageRobotMutation = graphql(`
  mutation TestMessageRobot($id: ID!) {
    testMessageRobot(id: $id) {
      delivered
      code
      detail
      answer
    }
  }
`);
