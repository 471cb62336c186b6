import { generateKeyPairSync, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A person at the 统一身份认证 platform: `sub` plus the claims the provider releases. */
export interface ProviderAccount {
  sub: string;
  claims: Record<string, string>;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who signs in at the provider's login step next (the test plays the person typing a password). */
  signInAs(account: ProviderAccount): void;
  /** Publishes a new signing key and signs with it from now on (the old one is no longer published). */
  rotateKeys(): void;
  close(): Promise<void>;
}

const signingKey = () => ({
  ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
  kid: randomUUID(),
  use: 'sig',
  alg: 'RS256',
});

/**
 * A real OpenID provider (node-oidc-provider) on a free loopback port: discovery, authorization with
 * PKCE, token endpoint, JWKS, userinfo and RP-initiated logout per the specifications. Only its login
 * and consent pages are replaced by a step that signs in `signInAs`'s account at once.
 * `issuerPath` serves the provider under a path; `advertisedIssuer` makes it claim another issuer.
 */
export async function startOidcProvider(opts: {
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  advertisedIssuer?: string;
}): Promise<TestOidcProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'duban';
  const clientSecret = randomUUID();
  let account: ProviderAccount = { sub: 'nobody', claims: {} };
  const accounts = new Map<string, ProviderAccount>();
  const keys = { keys: [signingKey()] };
  const configuration = (): ConstructorParameters<typeof Provider>[1] => ({
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris,
        post_logout_redirect_uris: opts.postLogoutRedirectUris ?? [],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: keys as never,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username', 'employee_number'],
      email: ['email'],
      phone: ['phone_number'],
    },
    // The claims go into the ID token itself, as most 统一身份认证 platforms do.
    conformIdTokenClaims: false,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const found = accounts.get(sub);
      return found ? { accountId: sub, claims: async () => ({ sub, ...found.claims }) } : undefined;
    },
  });
  let provider = new Provider(opts.advertisedIssuer ?? issuer, configuration());
  provider.proxy = false;

  server.on('request', async (req, res) => {
    try {
      const interaction = /^\/interaction\/([^/?]+)/.exec(req.url ?? '');
      if (!interaction) return provider.callback()(req, res);
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        accounts.set(account.sub, account);
        return await provider.interactionFinished(
          req,
          res,
          { login: { accountId: account.sub } },
          { mergeWithLastSubmission: false },
        );
      }
      const grant = new provider.Grant({ accountId: details.session!.accountId, clientId });
      grant.addOIDCScope(String(details.params.scope));
      return await provider.interactionFinished(
        req,
        res,
        { consent: { grantId: await grant.save() } },
        { mergeWithLastSubmission: true },
      );
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(next) {
      account = next;
    },
    rotateKeys() {
      keys.keys = [signingKey()];
      // Keys are read at construction: a new instance on the same storage-less config (no session carries over).
      provider = new Provider(opts.advertisedIssuer ?? issuer, configuration());
      provider.proxy = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
