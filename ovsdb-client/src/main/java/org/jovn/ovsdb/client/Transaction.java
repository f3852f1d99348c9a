package org.jovn.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.data.Uuids;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.schema.ColumnSchema;
import org.jovn.ovsdb.schema.ColumnType;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.schema.TableSchema;

/**
 * A transaction under construction: a list of OVSDB operations (RFC 7047 §5.2) built fluently,
 * committed with {@link OvsdbClient#transact}. Values are Java values as {@link Values} accepts
 * them, checked against the schema as they are added.
 *
 * <p>Inserted rows get a <em>placeholder</em> UUID ({@link Insert#uuid()}) that may be used
 * anywhere in the same transaction (it is sent as a {@code named-uuid}); after the commit,
 * {@link TransactionResult#uuid(UUID)} gives the real one.
 *
 * <p>Optimistic concurrency: {@link #verify(Row, String...)} adds a {@code wait} with timeout 0
 * asserting that columns read from the replica still hold what was read; if another client
 * changed them first, the transaction fails with a {@linkplain TransactionException#isConflict()
 * conflict}, and {@link OvsdbClient#transact(java.util.function.Function, int)} builds it again.
 *
 * <p>Not thread-safe: build it on one thread, then hand it over.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7047#section-5.2">RFC 7047 §5.2</a>
 */
public final class Transaction {
  private final DatabaseSchema schema;
  private final List<ObjectNode> ops = new ArrayList<>();
  private final List<UUID> placeholders = new ArrayList<>();
  private final Map<String, String> names = new HashMap<>();

  /** A transaction on a database of this schema (use the client's: {@link OvsdbClient#transaction()}). */
  public Transaction(DatabaseSchema schema) {
    this.schema = schema;
  }

  /** The schema values are checked against. */
  public DatabaseSchema schema() {
    return schema;
  }

  /** Adds an insert of a new row; set its columns on the returned builder. */
  public Insert insert(String table) {
    TableSchema ts = table(table);
    UUID placeholder = Uuids.random(ThreadLocalRandom.current());
    String name = "row" + placeholder.toString().replace("-", "");
    names.put(placeholder.toString(), name);
    ObjectNode row = Json.object();
    ObjectNode op = op("insert", ts).set("row", row);
    op.put("uuid-name", name);
    add(op, placeholder);
    return new Insert(ts, row, placeholder);
  }

  /** Adds an update of the row with this UUID. */
  public Update update(String table, UUID uuid) {
    return update(table, List.of(Clause.uuid(uuid)));
  }

  /** Adds an update of the rows matching every clause. */
  public Update update(String table, List<Clause> where) {
    TableSchema ts = table(table);
    ObjectNode row = Json.object();
    ObjectNode op = op("update", ts).set("where", where(ts, where));
    op.set("row", row);
    add(op, null);
    return new Update(ts, row);
  }

  /** Adds a mutate of the row with this UUID. */
  public Mutate mutate(String table, UUID uuid) {
    return mutate(table, List.of(Clause.uuid(uuid)));
  }

  /** Adds a mutate of the rows matching every clause. */
  public Mutate mutate(String table, List<Clause> where) {
    TableSchema ts = table(table);
    ArrayNode mutations = Json.array();
    ObjectNode op = op("mutate", ts).set("where", where(ts, where));
    op.set("mutations", mutations);
    add(op, null);
    return new Mutate(ts, mutations);
  }

  /** Adds a delete of the row with this UUID. */
  public Transaction delete(String table, UUID uuid) {
    return delete(table, List.of(Clause.uuid(uuid)));
  }

  /** Adds a delete of the rows matching every clause. */
  public Transaction delete(String table, List<Clause> where) {
    TableSchema ts = table(table);
    add(op("delete", ts).set("where", where(ts, where)), null);
    return this;
  }

  /**
   * Adds a select; returns its operation index for {@link TransactionResult#rows(int)}.
   *
   * @param columns the columns to return; none for all
   */
  public int select(String table, List<Clause> where, String... columns) {
    TableSchema ts = table(table);
    ObjectNode op = op("select", ts).set("where", where(ts, where));
    if (columns.length > 0) {
      op.set("columns", names(ts, List.of(columns)));
    }
    add(op, null);
    return ops.size() - 1;
  }

  /**
   * Adds a check that {@code columns} of {@code row} (read from the replica) still hold the
   * values {@code row} has: a {@code wait} with timeout 0. The transaction fails with a conflict
   * otherwise, or when the row is gone.
   */
  public Transaction verify(Row row, String... columns) {
    TableSchema ts = table(row.table().name());
    ObjectNode expected = Json.object();
    List<String> cols = List.of(columns);
    for (String c : cols) {
      ColumnSchema cs = column(ts, c);
      expected.set(c, row.get(cs).toJson(cs.type()));
    }
    ObjectNode op = op("wait", ts).put("timeout", 0);
    op.set("where", where(ts, List.of(Clause.uuid(row.uuid()))));
    op.set("columns", names(ts, cols));
    op.put("until", "==");
    op.set("rows", Json.array(expected));
    add(op, null);
    return this;
  }

  /**
   * Adds an {@code assert} of a lock (RFC 7047 §5.2.11): the transaction fails with
   * {@code not owner} unless this client holds {@code lock} when the server executes it. A
   * lock-holding writer (ovn-northd holding {@code ovn_northd}) adds it so that a writer that
   * lost its lock cannot overwrite its successor's work.
   */
  public Transaction assertLock(String lock) {
    add(Json.object().put("op", "assert").put("lock", lock), null);
    return this;
  }

  /** Adds a comment, which ovsdb-server writes to its log with the commit. */
  public Transaction comment(String text) {
    add(Json.object().put("op", "comment").put("comment", text), null);
    return this;
  }

  /** True when no operation was added. */
  public boolean isEmpty() {
    return ops.isEmpty();
  }

  /** The number of operations. */
  public int size() {
    return ops.size();
  }

  List<UUID> insertPlaceholders() {
    return placeholders;
  }

  /** The params of the {@code transact} request: the database name, then the operations. */
  ArrayNode toParams() {
    ArrayNode params = Json.array(Json.NODES.textNode(schema.name()));
    for (ObjectNode op : ops) {
      params.add(names.isEmpty() ? op : rename(op.deepCopy()));
    }
    return params;
  }

  /** Rewrites {@code ["uuid", placeholder]} into {@code ["named-uuid", name]} in place. */
  private JsonNode rename(JsonNode node) {
    if (node.isArray()) {
      ArrayNode a = (ArrayNode) node;
      if (a.size() == 2 && "uuid".equals(a.get(0).asText(null)) && a.get(1).isTextual()) {
        String name = names.get(a.get(1).asText());
        if (name != null) {
          a.set(0, Json.NODES.textNode("named-uuid"));
          a.set(1, Json.NODES.textNode(name));
        }
        return a;
      }
      for (JsonNode child : a) {
        rename(child);
      }
    } else if (node.isObject()) {
      node.forEach(this::rename);
    }
    return node;
  }

  private void add(ObjectNode op, UUID placeholder) {
    ops.add(op);
    placeholders.add(placeholder);
  }

  private static ObjectNode op(String name, TableSchema ts) {
    return Json.object().put("op", name).put("table", ts.name());
  }

  private TableSchema table(String name) {
    TableSchema ts = schema.table(name);
    if (ts == null) {
      throw new IllegalArgumentException("no table " + name + " in " + schema);
    }
    return ts;
  }

  static ColumnSchema column(TableSchema ts, String name) {
    ColumnSchema c = ts.column(name);
    if (c == null) {
      throw new IllegalArgumentException("table " + ts.name() + " has no column " + name);
    }
    return c;
  }

  private static ArrayNode where(TableSchema ts, List<Clause> where) {
    ArrayNode a = Json.array();
    where.forEach(c -> a.add(c.toJson(ts)));
    return a;
  }

  private static ArrayNode names(TableSchema ts, Collection<String> columns) {
    ArrayNode a = Json.array();
    for (String c : columns) {
      if (!c.equals("_uuid") && !c.equals("_version")) {
        column(ts, c);
      }
      a.add(c);
    }
    return a;
  }

  /** Sets the columns of a row being inserted. */
  public static final class Insert {
    private final TableSchema table;
    private final ObjectNode row;
    private final UUID placeholder;

    Insert(TableSchema table, ObjectNode row, UUID placeholder) {
      this.table = table;
      this.row = row;
      this.placeholder = placeholder;
    }

    /** Sets a column; @throws IllegalArgumentException on an unknown column or a misfit value */
    public Insert set(String column, Object value) {
      ColumnSchema c = column(table, column);
      row.set(column, Values.toDatum(c.type(), value).toJson(c.type()));
      return this;
    }

    /** The placeholder UUID standing for the new row within the transaction. */
    public UUID uuid() {
      return placeholder;
    }

    /** The placeholder as a typed reference. */
    public <T> Ref<T> ref() {
      return Ref.of(placeholder);
    }
  }

  /** Sets columns of the rows being updated. */
  public static final class Update {
    private final TableSchema table;
    private final ObjectNode row;

    Update(TableSchema table, ObjectNode row) {
      this.table = table;
      this.row = row;
    }

    /** Sets a column; @throws IllegalArgumentException on an unknown column or a misfit value */
    public Update set(String column, Object value) {
      ColumnSchema c = column(table, column);
      row.set(column, Values.toDatum(c.type(), value).toJson(c.type()));
      return this;
    }
  }

  /** Adds mutations (RFC 7047 §5.1 {@code <mutation>}) to the rows being mutated. */
  public static final class Mutate {
    private final TableSchema table;
    private final ArrayNode mutations;

    Mutate(TableSchema table, ArrayNode mutations) {
      this.table = table;
      this.mutations = mutations;
    }

    /** Adds elements (a value, a collection or a map) to a set or map column. */
    public Mutate insert(String column, Object value) {
      return mutation(column, "insert", value);
    }

    /**
     * Removes elements from a set column, or from a map column the keys (a value or a
     * collection) or exact pairs (a map) given.
     */
    public Mutate delete(String column, Object value) {
      return mutation(column, "delete", value);
    }

    /** Adds {@code amount} to an integer or real column. */
    public Mutate add(String column, Number amount) {
      return mutation(column, "+=", amount);
    }

    /** Any mutator: {@code += -= *= /= %= insert delete}. */
    public Mutate mutation(String column, String mutator, Object value) {
      ColumnSchema c = column(table, column);
      ColumnType type = c.type();
      ColumnType valueType = type;
      if (type.isMap() && mutator.equals("delete") && !(value instanceof Map<?, ?>)
          && !(value instanceof Datum)) {
        valueType = new ColumnType(type.key(), null, 0, Long.MAX_VALUE);
      } else if (!mutator.equals("insert") && !mutator.equals("delete")) {
        valueType = new ColumnType(type.key(), null, 1, 1);
      }
      Datum d = Values.toDatum(valueType, value);
      mutations.add(Json.array(Json.NODES.textNode(column), Json.NODES.textNode(mutator),
          d.toJson(valueType)));
      return this;
    }
  }
}
