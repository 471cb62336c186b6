// The test OpenID provider lives in tools/lib so the browser tests can start it too.
export * from '../../../tools/lib/oidc-provider.js';
