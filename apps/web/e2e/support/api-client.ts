/**
 * GraphQL as one person of the demo tenant, straight over HTTP, for arranging what a browser test then
 * looks at (the session cookie and the CSRF header as the web app sends them).
 */
export async function apiAs(baseUrl: string, username: string, password: string) {
  const signIn = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation($input: SignInInput!) { signIn(input: $input) { csrfToken } }`,
      variables: { input: { tenantCode: 'demo', username, password } },
    }),
  });
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf: string = (await signIn.json()).data.signIn.csrfToken;
  return async function gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json();
    if (body.errors) throw new Error(`${username}: ${JSON.stringify(body.errors)}`);
    return body.data as T;
  };
}

/** What `apiAs` returns: GraphQL as that person. */
export type ApiClient = Awaited<ReturnType<typeof apiAs>>;

/** The unit leader approves a report waiting for them, as their 待审批报送 page does. */
export function leaderApprovesOverHttp(leader: ApiClient, report: { id: string; version: number }) {
  return leader(
    `mutation($id: ID!, $version: Int!) { leaderDecideReport(id: $id, version: $version, input: { approve: true }) { id } }`,
    report,
  );
}
