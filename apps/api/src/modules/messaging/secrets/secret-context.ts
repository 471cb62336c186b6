// Its own module so code outside Nest (the migrations, the CLI's `secrets rekey`) binds a secret to its
// row without loading the Nest service that stores secrets.

/** What a secret's ciphertext is bound to: its tenant and name (a value moved to another row fails its MAC). */
export const secretContext = (tenantId: string, name: string) => `tenant_secret|${tenantId}|${name}`;
