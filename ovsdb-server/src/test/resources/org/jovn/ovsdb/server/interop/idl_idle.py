"""Keeps a Python IDL session idle on jovn's server, so that both sides' inactivity probes
(JSON-RPC "echo") fire, then checks that the session never dropped and still gets updates.

Usage: idl_idle.py REMOTE SCHEMA_FILE SECONDS
Prints "connections N" (1 when the session never dropped) and "update seen".
"""
import sys
import time

import ovs.db.idl
import ovs.poller


def main():
    remote, schema_file, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    helper = ovs.db.idl.SchemaHelper(location=schema_file)
    helper.register_table("Logical_Switch")
    idl = ovs.db.idl.Idl(remote, helper, leader_only=True)
    connections = set()
    end = time.time() + seconds
    while time.time() < end:
        idl.run()
        if idl._session.is_connected():
            # The session's sequence number changes on every (re)connection.
            connections.add(idl._session.get_seqno())
        poller = ovs.poller.Poller()
        idl.wait(poller)
        poller.timer_wait(200)
        poller.block()
    print("connections %d" % len(connections))

    txn = ovs.db.idl.Transaction(idl)
    row = txn.insert(idl.tables["Logical_Switch"])
    row.name = "after-idle"
    status = txn.commit_block()
    deadline = time.time() + 30
    while not any(r.name == "after-idle" for r in idl.tables["Logical_Switch"].rows.values()):
        if time.time() > deadline:
            print("no update, commit status %s" % status)
            sys.exit(2)
        idl.run()
        poller = ovs.poller.Poller()
        idl.wait(poller)
        poller.timer_wait(200)
        poller.block()
    print("update seen")
    idl.close()


if __name__ == "__main__":
    main()
