import { graphql } from '../../../generated';

export const DeleteMessageRobotMutation = graphql(`
  mutation DeleteMessageRobot($id: ID!, $version: Int!) {
    deleteMessageRobot(id: $id, version: $version)
  }
`);
