/**
 * The standalone OVSDB database file of ovsdb(5): an append-only log of JSON records.
 *
 * <p>Each record is a header line {@code OVSDB JSON <length> <sha1>\n} followed by
 * {@code <length>} bytes of JSON; the JSON is written compactly and ends with a new-line
 * that is counted in the length and covered by the SHA-1. The first record is the schema,
 * every later record a transaction ({@code {"TABLE": {"UUID": row-or-null}, "_date": ms,
 * "_comment": "...", "_is_diff": true}}).
 *
 * <p>What lives here:
 * <ul>
 *   <li>{@link org.jovn.ovsdb.storage.LogFile}: open / create, recovery of a torn tail,
 *       buffered appends with group-commit {@code sync()}, atomic compaction, the lock file;
 *   <li>{@link org.jovn.ovsdb.storage.CompactionPolicy}: ovsdb-server's rule for when to
 *       compact;
 *   <li>{@link org.jovn.ovsdb.storage.SchemaInfo}: name, version and checksum of a schema
 *       record or of a database file;
 *   <li>{@link org.jovn.ovsdb.storage.ShowLog}: the text of {@code ovsdb-tool show-log}.
 * </ul>
 *
 * <p>This package does not know the schema or transaction model: records are Jackson
 * {@link com.fasterxml.jackson.databind.JsonNode}s. Clustered (Raft) files, whose records use
 * the magic {@code CLUSTER}, are recognised and refused.
 */
package org.jovn.ovsdb.storage;
