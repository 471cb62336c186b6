import { graphql } from '../../../generated';

export const SaveMessageRobotMutation = graphql(`
  mutation SaveMessageRobot($input: SaveMessageRobotInput!) {
    saveMessageRobot(input: $input) {
      id
      version
    }
  }
`);
