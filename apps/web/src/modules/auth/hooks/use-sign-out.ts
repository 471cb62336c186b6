import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { MeQuery as MeDocument } from '../graphql/me.query';
import { SignOutMutation } from '../graphql/sign-out.mutation';

/** Ends the session, forgets every cached answer (they belong to that person) and goes to sign-in (offering the provider's logout after 统一身份认证). */
export function useSignOut() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [signOut, { loading }] = useMutation(SignOutMutation, { context: { quiet: true } });
  const run = async () => {
    // Read before the cache is cleared: a 统一身份认证 session is offered the provider's logout afterwards.
    const ssoLogoutPath = client.readQuery({ query: MeDocument })?.me?.ssoLogoutPath ?? null;
    try {
      await signOut();
    } catch {
      // An already expired session is signed out anyway.
    }
    await client.clearStore();
    client.writeQuery({ query: MeDocument, data: { me: null } });
    navigate('/login', { replace: true, state: ssoLogoutPath ? { ssoLogoutPath } : null });
  };
  return { signOut: run, loading };
}
