import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/** Same-origin GraphQL with the session cookie; the CSRF token header is set by the auth module. */
export const apolloClient = new ApolloClient({
  link: new HttpLink({ uri: '/graphql', credentials: 'same-origin', headers: { 'apollo-require-preflight': 'true' } }),
  cache: new InMemoryCache(),
});
