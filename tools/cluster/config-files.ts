// The configuration files of the cluster's parts, as a deployment would write them (loopback ports).

export interface NodePorts {
  name: string;
  pg: number;
  rest: number;
  dataDir: string;
  dir: string;
}

export interface Secrets {
  superuser: string;
  replication: string;
  app: string;
}

/**
 * Patroni's failure detection: the leader key lives `ttl` seconds, so a dead primary is replaced after
 * ttl + loop_wait at most. Patroni requires loop_wait + 2 × retry_timeout ≤ ttl.
 */
export const PATRONI_TIMING = { ttl: 20, loop_wait: 5, retry_timeout: 5 };

export function patroniYaml(node: NodePorts, etcdClientPort: number, secrets: Secrets, binDir: string): string {
  return `scope: duban-cluster
namespace: /duban/
name: ${node.name}
log:
  level: INFO
restapi:
  listen: 127.0.0.1:${node.rest}
  connect_address: 127.0.0.1:${node.rest}
# etcd's v2 API, not etcd3: Debian 12's Patroni 3.0.2 renews an expired etcd3 lease and then writes the
# leader key unconditionally, so a primary paused past its TTL (SIGSTOP, a frozen VM) takes the key back
# from the standby promoted meanwhile, and every member is rewound onto its timeline, dropping what was
# committed there. Its v2 code updates the key only while it still holds it (prevValue).
etcd:
  hosts: 127.0.0.1:${etcdClientPort}
bootstrap:
  dcs:
    ttl: ${PATRONI_TIMING.ttl}
    loop_wait: ${PATRONI_TIMING.loop_wait}
    retry_timeout: ${PATRONI_TIMING.retry_timeout}
    maximum_lag_on_failover: 1048576
    synchronous_mode: true
    # A primary that loses etcd but still reaches every member keeps running instead of demoting itself.
    failsafe_mode: true
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        max_connections: 200
        wal_level: replica
        hot_standby: 'on'
        max_wal_senders: 10
        max_replication_slots: 10
        wal_log_hints: 'on'
        wal_keep_size: 128MB
        shared_buffers: 64MB
        fsync: 'on'
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
    - data-checksums
  pg_hba:
    - local all all trust
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
postgresql:
  listen: 127.0.0.1:${node.pg}
  connect_address: 127.0.0.1:${node.pg}
  data_dir: ${node.dataDir}
  bin_dir: ${binDir}
  pgpass: ${node.dir}/pgpass
  authentication:
    superuser:
      username: postgres
      password: ${secrets.superuser}
    replication:
      username: replicator
      password: ${secrets.replication}
    rewind:
      username: postgres
      password: ${secrets.superuser}
  parameters:
    unix_socket_directories: '${node.dir}'
    password_encryption: scram-sha-256
tags:
  nofailover: false
  noloadbalance: false
  clonefrom: false
  nosync: false
`;
}

/** HAProxy sends connections to the member whose Patroni REST API answers 200 on /primary. */
export function haproxyConfig(port: number, nodes: NodePorts[]): string {
  return `global
  maxconn 2000

defaults
  mode tcp
  log global
  retries 2
  timeout connect 3s
  timeout client 30m
  timeout server 30m
  timeout check 2s

listen primary
  bind 127.0.0.1:${port}
  option httpchk OPTIONS /primary
  http-check expect status 200
  default-server inter 1s fall 2 rise 1 on-marked-down shutdown-sessions
${nodes.map((n) => `  server ${n.name} 127.0.0.1:${n.pg} maxconn 300 check port ${n.rest}`).join('\n')}
`;
}

/** PgBouncer in transaction pooling in front of HAProxy, as the issue's deployment has it. */
export function pgbouncerIni(port: number, haproxyPort: number, dir: string, poolSize: number): string {
  return `[databases]
duban = host=127.0.0.1 port=${haproxyPort} dbname=duban

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = scram-sha-256
auth_file = ${dir}/userlist.txt
pool_mode = transaction
max_client_conn = 1000
default_pool_size = ${poolSize}
server_login_retry = 1
server_connect_timeout = 5
ignore_startup_parameters = extra_float_digits
logfile =
pidfile =
`;
}

export function pgbouncerUserlist(user: string, password: string): string {
  return `"${user}" "${password}"\n`;
}
