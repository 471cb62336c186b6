import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { formatGraphqlError } from './common/app-error.js';
import type { GraphQLFormattedError } from 'graphql';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { dataSourceOptions, openTenantScopedDataSource } from './database/database.js';
import {
  complexityLimitPlugin,
  depthLimitRule,
  MAX_QUERY_COMPLEXITY,
  MAX_QUERY_DEPTH,
  MAX_RESPONSE_BYTES,
  MAX_ROOT_FIELDS,
  responseSizeLimit,
  rootFieldLimitRule,
} from './graphql/query-limits.js';
import { HealthModule } from './modules/health/health.module.js';
import { featureModules } from './modules/feature-modules.js';

export interface GraphqlContext {
  req: Request;
  res: Response;
}

function withoutDetail(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const out = formatGraphqlError(formatted, error);
  if (!out.extensions?.detail) return out;
  const { detail: _detail, ...extensions } = out.extensions;
  return { ...out, extensions };
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    const production = config.nodeEnv === 'production';
    const responseSize = responseSizeLimit(MAX_RESPONSE_BYTES);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(databaseUrl, config.databasePoolSize, config.databaseTimeouts),
            retryAttempts: 0,
          }),
          dataSourceFactory: (options) => openTenantScopedDataSource(options!, config.databaseTimeouts),
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          // Nest would run the introspection query on the new schema only to see it is valid; Apollo's
          // start asserts the same validity (assertValidSchema) and fails the boot alike. The check
          // cost each boot ~0.8 s of CPU under jest, paid by every integration file and browser suite.
          // `npm run schema:generate` and the schema drift test keep Nest's check (graphql/schema-sdl.ts).
          buildSchemaOptions: { skipCheck: true },
          introspection: !production,
          graphiql: !production,
          csrfPrevention: true,
          // One operation per HTTP request: batching would multiply the cost limits below.
          allowBatchedHttpRequests: false,
          validationRules: [depthLimitRule(MAX_QUERY_DEPTH), rootFieldLimitRule(MAX_ROOT_FIELDS)],
          // No HTTP caching of GraphQL responses, so no per-field cache hints: Apollo's default cache-control
          // plugin would otherwise wrap every field resolver on every request.
          plugins: [
            complexityLimitPlugin(MAX_QUERY_COMPLEXITY),
            responseSize.plugin,
            ApolloServerPluginCacheControlDisabled(),
          ],
          stringifyResult: responseSize.stringifyResult,
          includeStacktraceInErrorResponses: false,
          context: ({ req, res }: GraphqlContext): GraphqlContext => ({ req, res }),
          // graphql-js's English explanations ("Did you mean …") describe the schema: developers only.
          formatError: production ? withoutDetail : formatGraphqlError,
        }),
        HealthModule,
        ...featureModules,
      ],
    };
  }
}
