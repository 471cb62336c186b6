import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../../common/auth.decorators.js';

@ObjectType({ description: 'What the server says about itself; needs no sign-in.' })
export class ServerInfo {
  @Field({ description: 'Application version' })
  version!: string;

  @Field({ description: 'Server time, ISO 8601' })
  now!: string;

  @Field({ description: 'Time zone all calendar dates are in' })
  timeZone!: string;
}

@Resolver(() => ServerInfo)
export class ServerInfoResolver {
  @Public()
  @Query(() => ServerInfo)
  serverInfo(): ServerInfo {
    return {
      version: process.env.npm_package_version ?? '0.1.0',
      now: new Date().toISOString(),
      timeZone: 'Asia/Shanghai',
    };
  }
}
