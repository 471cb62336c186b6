import type { TestOidcProvider } from '../../../../tools/lib/oidc-provider.js';
import type { apiAs } from './api-client.js';

/**
 * The demo office turns on 统一身份认证 with the test provider: accounts matched by username from
 * `preferred_username`, passwords still allowed, no accounts created.
 */
export async function turnOnSso(office: Awaited<ReturnType<typeof apiAs>>, provider: TestOidcProvider) {
  await office(`mutation($input: UpdateSsoSettingsInput!) { updateSsoSettings(input: $input) { version } }`, {
    input: {
      enabled: true,
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      claim: 'preferred_username',
      matchField: 'USERNAME',
      passwordAllowed: true,
      createUsers: false,
      defaultRole: 'UNIT_LIAISON',
      version: 0,
    },
  });
}
