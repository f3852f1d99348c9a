"""Replica benchmark for the Python IDL of Open vSwitch (python3-openvswitch, ovs.db.idl).

Same protocol as ClientBench's "replica" mode: syncs a replica of the Southbound table
Logical_Flow, prints initial_sync_s, then READY, then waits for UPDATES row modifications and
prints apply_s (first modification seen to the last) and apply_rows_per_s.
Usage: python3 idl_bench.py REMOTE SCHEMA_FILE UPDATES
"""
import sys
import time

import ovs.db.idl
import ovs.poller


class CountingIdl(ovs.db.idl.Idl):
    def __init__(self, remote, helper):
        super().__init__(remote, helper)
        self.modified = 0
        self.first = None

    def notify(self, event, row, updates=None):
        if event == ovs.db.idl.ROW_UPDATE:
            if self.first is None:
                self.first = time.monotonic()
            self.modified += 1


def main():
    remote, schema_file, updates = sys.argv[1], sys.argv[2], int(sys.argv[3])
    t0 = time.monotonic()
    helper = ovs.db.idl.SchemaHelper(schema_file)
    helper.register_table("Logical_Flow")
    idl = CountingIdl(remote, helper)
    while True:
        idl.run()
        if idl.has_ever_connected() and idl.state == idl.IDL_S_MONITORING:
            break
        poller = ovs.poller.Poller()
        idl.wait(poller)
        poller.block()
    synced = time.monotonic()
    rows = len(idl.tables["Logical_Flow"].rows)
    print("rows=%d\ninitial_sync_s=%.3f\nREADY" % (rows, synced - t0), flush=True)
    idl.modified = 0
    while idl.modified < updates:
        idl.run()
        if idl.modified >= updates:
            break
        poller = ovs.poller.Poller()
        idl.wait(poller)
        poller.block()
    end = time.monotonic()
    secs = end - idl.first
    print("apply_s=%.3f\napply_rows_per_s=%.0f" % (secs, updates / secs), flush=True)
    idl.close()


if __name__ == "__main__":
    main()
