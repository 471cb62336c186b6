import type { Client, Factory, TestTenant } from '../../../../test/factory.js';

// How the levels specs link tenants and key points: through the offices' own mutations, as the web does.
export const CREATE_INVITE = `mutation { createTenantLinkInvite { code } }`;
export const ACCEPT_INVITE = `mutation($code: String!) { acceptTenantLinkInvite(code: $code) { upper { id } } }`;
export const UPPER_POINTS = `{ upperPlanPoints { id label } }`;
export const SET_UPPER_LINKS = `mutation($keyPointId: ID!, $upperPointIds: [ID!]!, $version: Int!) { setKeyPointUpperLinks(keyPointId: $keyPointId, upperPointIds: $upperPointIds, version: $version) { keyPointId } }`;

/** The upper office invites, the lower office accepts; returns the lower office's admin. */
export async function linkTenants(f: Factory, upper: TestTenant, lower: TestTenant): Promise<Client> {
  const admin = await f.client(lower, 'OFFICE_ADMIN');
  const { code } = (await (await f.client(upper, 'OFFICE_ADMIN')).ok(CREATE_INVITE)).createTenantLinkInvite;
  await admin.ok(ACCEPT_INVITE, { code });
  return admin;
}

/** Links a fresh (version 0) lower key point to the upper key point labelled `(seq)`. */
export async function linkPoint(office: Client, keyPointId: string, seq: number): Promise<void> {
  const points = (await office.ok(UPPER_POINTS)).upperPlanPoints as { id: string; label: string }[];
  await office.ok(SET_UPPER_LINKS, {
    keyPointId,
    upperPointIds: [points.find((p) => p.label === `(${seq})`)!.id],
    version: 0,
  });
}
