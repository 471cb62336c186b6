import { Args } from '@nestjs/graphql';

/**
 * A create mutation's optional `idempotencyKey`. An argument rather than a header: it is in the schema
 * (typed for clients, checked by the operation-policy tests) and belongs to one operation even when
 * several travel in one request.
 */
export const IdempotencyKeyArg = () =>
  Args('idempotencyKey', {
    type: () => String,
    nullable: true,
    description:
      'A key the client makes per user action (a UUID) and repeats when it retries that action: the retry returns the first result instead of creating another',
  });
