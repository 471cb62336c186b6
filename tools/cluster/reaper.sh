#!/bin/sh
# Started by the cluster harness in a process group of its own. Should the harness die without
# tearing down (kill -9), kill every process group it wrote into its ledger and remove its data.
# Usage: reaper.sh <harness pid> <ledger file> <directory to remove>
harness="$1"; ledger="$2"; dir="$3"
while kill -0 "$harness" 2>/dev/null; do sleep 1; done
if [ -f "$ledger" ]; then
  for group in $(cat "$ledger"); do kill -CONT -- "-$group" 2>/dev/null; kill -KILL -- "-$group" 2>/dev/null; done
fi
sleep 1
case "$dir" in */duban-cluster-*) rm -rf "$dir" ;; esac
