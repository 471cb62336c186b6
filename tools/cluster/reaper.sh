#!/bin/sh
# Started by the cluster harness in a process group of its own. Should the harness die without
# tearing down (kill -9), kill every process group it wrote into its ledger, then the postmasters
# Patroni started (each in a session of its own) found by the postmaster.pid files of its data
# directories, and remove its data.
# (No `--` after the signal: dash's kill takes it for a pid and kills nothing.)
# Usage: reaper.sh <harness pid> <ledger file> <directory to remove>
harness="$1"; ledger="$2"; dir="$3"
while kill -0 "$harness" 2>/dev/null; do sleep 1; done
if [ -f "$ledger" ]; then
  for group in $(cat "$ledger"); do kill -CONT "-$group" 2>/dev/null; kill -KILL "-$group" 2>/dev/null; done
fi
for pidfile in "$dir"/*/data/postmaster.pid; do
  [ -f "$pidfile" ] || continue
  pid=$(head -n 1 "$pidfile")
  if [ -n "$pid" ] && grep -q "$dir" "/proc/$pid/cmdline" 2>/dev/null; then
    # Its group (shared with its backends) is not its pid: Patroni's helper led it and exited.
    group=$(sed 's/.*) //' "/proc/$pid/stat" | cut -d' ' -f3)
    kill -CONT "-$group" 2>/dev/null; kill -KILL "-$group" 2>/dev/null; kill -KILL "$pid" 2>/dev/null
  fi
done
sleep 1
case "$dir" in */duban-cluster-*) rm -rf "$dir" ;; esac
