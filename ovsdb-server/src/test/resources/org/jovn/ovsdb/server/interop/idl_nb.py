"""Drives jovn's server with the real Open vSwitch Python IDL (python3-openvswitch).

Usage: idl_nb.py REMOTE SCHEMA_FILE
Prints one line per step; the Java test (PythonIdlInteropTest) checks them.
"""
import sys
import time

import ovs.db.idl
import ovs.poller

TIMEOUT = 30


def run_until(idl, condition, what):
    deadline = time.time() + TIMEOUT
    while True:
        idl.run()
        if condition():
            return
        if time.time() > deadline:
            print("timeout: " + what)
            sys.exit(2)
        poller = ovs.poller.Poller()
        idl.wait(poller)
        poller.timer_wait(100)
        poller.block()


def switches(idl):
    rows = idl.tables["Logical_Switch"].rows.values()
    return sorted((r.name, sorted(r.external_ids.items())) for r in rows)


def commit(idl, build):
    txn = ovs.db.idl.Transaction(idl)
    result = build(txn)
    status = txn.commit_block()
    print("commit " + ovs.db.idl.Transaction.status_to_string(status))
    if status != ovs.db.idl.Transaction.SUCCESS:
        print("error " + str(txn.get_error()))
        sys.exit(3)
    return txn, result


def main():
    remote, schema_file = sys.argv[1], sys.argv[2]
    helper = ovs.db.idl.SchemaHelper(location=schema_file)
    helper.register_all()
    idl = ovs.db.idl.Idl(remote, helper, leader_only=True)
    run_until(idl, idl.has_ever_connected, "initial sync")
    print("synced %s" % switches(idl))

    def insert(txn):
        row = txn.insert(idl.tables["Logical_Switch"])
        row.name = "from-python"
        row.external_ids = {"written-by": "python-idl"}
        return row

    txn, row = commit(idl, insert)
    uuid = txn.get_insert_uuid(row.uuid)
    print("inserted uuid %s" % (uuid is not None))
    run_until(idl, lambda: uuid in idl.tables["Logical_Switch"].rows, "insert echoed")
    print("after insert %s" % switches(idl))

    def update(txn):
        ls = idl.tables["Logical_Switch"].rows[uuid]
        ls.verify("name")
        ls.setkey("external_ids", "step", "updated")

    commit(idl, update)
    run_until(idl, lambda: idl.tables["Logical_Switch"].rows[uuid].external_ids.get("step")
              == "updated", "update echoed")
    print("after update %s" % switches(idl))

    def delete(txn):
        idl.tables["Logical_Switch"].rows[uuid].delete()

    commit(idl, delete)
    run_until(idl, lambda: uuid not in idl.tables["Logical_Switch"].rows, "delete echoed")
    print("after delete %s" % switches(idl))
    idl.close()


if __name__ == "__main__":
    main()
