import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { HealthModule } from '../modules/health/health.module.js';
import { featureModules } from '../modules/feature-modules.js';
import { LocalDateScalar } from '../common/scalars.js';

const HEADER =
  '# Generated from the API code by `npm run schema:generate`. Do not edit: the web types come from it.\n\n';

/** Resolver classes declared as providers by the app's modules (and the modules they import). */
export function collectResolvers(modules: unknown[]): Function[] {
  const seen = new Set<unknown>();
  const resolvers = new Set<Function>();
  const visit = (mod: unknown) => {
    if (!mod || seen.has(mod)) return;
    seen.add(mod);
    const target = (mod as { module?: unknown }).module ?? mod;
    for (const provider of (Reflect.getMetadata('providers', target as object) ?? []) as unknown[]) {
      // `@Resolver()` without a type stores the key with an undefined value: test presence, not truthiness.
      if (typeof provider === 'function' && Reflect.hasOwnMetadata('graphql:resolver_type', provider))
        resolvers.add(provider);
    }
    for (const imported of (Reflect.getMetadata('imports', target as object) ?? []) as unknown[]) visit(imported);
  };
  modules.forEach(visit);
  return [...resolvers];
}

export function printSdl(schema: GraphQLSchema): string {
  return HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}

/** The schema the code defines, built without a database or an HTTP server. */
export async function buildSchemaSdl(): Promise<string> {
  const context = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const factory = context.get(GraphQLSchemaFactory);
    // Scalars registered as providers are part of the served schema whether or not a field uses them.
    const schema = await factory.create(collectResolvers([HealthModule, ...featureModules]), [LocalDateScalar]);
    return printSdl(schema);
  } finally {
    await context.close();
  }
}
