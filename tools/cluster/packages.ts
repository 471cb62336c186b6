// What the cluster harness needs from the machine: Debian's PostgreSQL 15, Patroni (with its etcd
// client), etcd, HAProxy, PgBouncer and libfaketime. As root with apt it installs what is missing;
// otherwise it stops at once with the command to run.
import { existsSync, unlinkSync, writeFileSync } from 'node:fs';
// @ts-ignore: a plain .mjs helper shared with the browser tests' set-up
import { aptInstall, installCommand } from '../lib/browser-setup.mjs';

export const PG_BIN = '/usr/lib/postgresql/15/bin';
export const FAKETIME_LIB = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

/** Each package with a file that proves it is installed. */
export const CLUSTER_PACKAGES: { name: string; file: string }[] = [
  { name: 'postgresql-15', file: `${PG_BIN}/postgres` },
  { name: 'patroni', file: '/usr/bin/patroni' },
  { name: 'python3-etcd', file: '/usr/lib/python3/dist-packages/etcd/__init__.py' },
  { name: 'etcd-server', file: '/usr/bin/etcd' },
  { name: 'haproxy', file: '/usr/sbin/haproxy' },
  { name: 'pgbouncer', file: '/usr/sbin/pgbouncer' },
  { name: 'faketime', file: FAKETIME_LIB },
];

export interface PackageFacts {
  missing: string[];
  root: boolean;
  aptGet: boolean;
}

export function probePackages(exists: (file: string) => boolean = existsSync): PackageFacts {
  return {
    missing: CLUSTER_PACKAGES.filter((p) => !exists(p.file)).map((p) => p.name),
    root: process.getuid?.() === 0,
    aptGet: exists('/usr/bin/apt-get'),
  };
}

export type PackagePlan =
  { action: 'ready' } | { action: 'install'; packages: string[] } | { action: 'stop'; message: string };

export function planPackages(facts: PackageFacts): PackagePlan {
  if (facts.missing.length === 0) return { action: 'ready' };
  if (facts.root && facts.aptGet) return { action: 'install', packages: facts.missing };
  return {
    action: 'stop',
    message: `The cluster harness needs ${facts.missing.join(', ')}, which ${facts.missing.length > 1 ? 'are' : 'is'} missing. Install with:\n\n  ${installCommand(
      facts.missing,
    )}\n\nthen run npm run test:cluster again.`,
  };
}

const POLICY_RC = '/usr/sbin/policy-rc.d';

/**
 * Installs the packages without letting their maintainer scripts start system services (a Debian
 * PostgreSQL on 5432, PgBouncer on 6432, etcd on 2379): the harness starts its own on free ports, and
 * nothing of the install may stay running.
 */
async function installQuietly(packages: string[]): Promise<boolean> {
  const ownPolicy = !existsSync(POLICY_RC);
  if (ownPolicy)
    writeFileSync(
      POLICY_RC,
      '#!/bin/sh\n# written by the Duban cluster harness during its apt-get install\nexit 101\n',
      { mode: 0o755 },
    );
  try {
    return await aptInstall(packages);
  } finally {
    if (ownPolicy) unlinkSync(POLICY_RC);
  }
}

export async function ensurePackages(
  log: (line: string) => void,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const plan = planPackages(probePackages());
  if (plan.action === 'ready') return { ok: true };
  if (plan.action === 'stop') return { ok: false, message: plan.message };
  log(`Installing ${plan.packages.join(', ')} for the cluster harness (apt-get)…`);
  if (!(await installQuietly(plan.packages))) {
    return {
      ok: false,
      message: `apt-get could not install ${plan.packages.join(' ')}; try:\n\n  ${installCommand(plan.packages)}`,
    };
  }
  const still = probePackages().missing;
  if (still.length) return { ok: false, message: `still missing after apt-get: ${still.join(', ')}` };
  return { ok: true };
}
