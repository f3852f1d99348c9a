package org.jovn.ovsdb.txn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.data.Atoms;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.schema.AtomicType;
import org.jovn.ovsdb.schema.BaseType;
import org.jovn.ovsdb.schema.ColumnSchema;
import org.jovn.ovsdb.schema.ColumnType;
import org.jovn.ovsdb.schema.TableSchema;

/**
 * A "where" clause list (RFC 7047 §5.1 {@code <condition>}s, plus OVS's bare {@code true} and
 * {@code false}), all of which must hold. Immutable and thread-safe.
 */
public final class Condition {
  private static final ColumnType UUID_TYPE =
      new ColumnType(BaseType.of(AtomicType.UUID), null, 1, 1);
  private static final Condition TRUE = new Condition(List.of(), false, false);

  private final List<Clause> clauses;
  private final boolean alwaysFalse;
  private final boolean hasTrue;

  private Condition(List<Clause> clauses, boolean alwaysFalse, boolean hasTrue) {
    this.clauses = clauses;
    this.alwaysFalse = alwaysFalse;
    this.hasTrue = hasTrue;
  }

  /** The condition that every row satisfies. */
  public static Condition alwaysTrue() {
    return TRUE;
  }

  /** One clause: the column (null for _uuid/_version, named by {@code special}), function, value. */
  record Clause(ColumnSchema column, String special, Function function, Datum value) {
    Datum actual(Row row) {
      if (column != null) {
        return row.get(column);
      }
      return Datum.of(special.equals("_uuid") ? row.uuid() : row.version());
    }

    boolean test(Row row) {
      Datum a = actual(row);
      return switch (function) {
        case EQ -> a.equals(value);
        case NE -> !a.equals(value);
        case INCLUDES -> a.includes(value);
        case EXCLUDES -> excludes(a, value);
        case LT, LE, GT, GE -> compare(a, function);
      };
    }

    private boolean compare(Datum a, Function f) {
      if (a.size() != 1 || value.size() != 1) {
        return false;
      }
      int c = Atoms.ORDER.compare(a.first(), value.first());
      return switch (f) {
        case LT -> c < 0;
        case LE -> c <= 0;
        case GT -> c > 0;
        case GE -> c >= 0;
        default -> throw new IllegalStateException();
      };
    }

    private static boolean excludes(Datum a, Datum v) {
      for (int i = 0; i < v.size(); i++) {
        Object k = v.key(i);
        if (a.containsKey(k) && (!a.isMap() || !v.isMap() || a.get(k).equals(v.value(i)))) {
          return false;
        }
      }
      return true;
    }
  }

  /** The comparison functions. */
  enum Function {
    LT("<"), LE("<="), EQ("=="), NE("!="), GE(">="), GT(">"), INCLUDES("includes"),
    EXCLUDES("excludes");

    final String text;

    Function(String text) {
      this.text = text;
    }

    static Function parse(String s) {
      for (Function f : values()) {
        if (f.text.equals(s)) {
          return f;
        }
      }
      throw new OvsdbException("unknown function", "No function named " + s + ".");
    }
  }

  /**
   * Parses a JSON array of conditions for a table.
   *
   * @throws OvsdbException "syntax error" for unknown columns, functions or malformed values
   */
  public static Condition fromJson(TableSchema table, JsonNode json,
      java.util.function.Function<String, UUID> namedUuids) {
    if (json == null || !json.isArray()) {
      throw OvsdbException.syntax("\"where\" must be an array of conditions");
    }
    List<Clause> clauses = new ArrayList<>();
    boolean alwaysFalse = false;
    boolean hasTrue = false;
    for (JsonNode c : json) {
      if (c.isBoolean()) {
        alwaysFalse |= !c.booleanValue();
        hasTrue |= c.booleanValue();
        continue;
      }
      clauses.add(clause(table, c, namedUuids));
    }
    return clauses.isEmpty() && !alwaysFalse ? TRUE : new Condition(List.copyOf(clauses),
        alwaysFalse, hasTrue);
  }

  private static Clause clause(TableSchema table, JsonNode c,
      java.util.function.Function<String, UUID> namedUuids) {
    if (!c.isArray() || c.size() != 3 || !c.get(0).isTextual() || !c.get(1).isTextual()) {
      throw OvsdbException.syntax("Parse error in condition: expected [column, function, value],"
          + " got " + c);
    }
    String name = c.get(0).textValue();
    Function f = Function.parse(c.get(1).textValue());
    ColumnSchema column = null;
    ColumnType type;
    if (name.equals("_uuid") || name.equals("_version")) {
      type = UUID_TYPE;
    } else {
      column = table.column(name);
      if (column == null) {
        throw new OvsdbException("unknown column", "No column " + name + " in table "
            + table.name() + ".");
      }
      type = column.type();
    }
    if (f.ordinal() <= Function.GT.ordinal() && f != Function.EQ && f != Function.NE) {
      AtomicType t = type.key().type();
      if (type.isMap() || type.max() != 1 || (t != AtomicType.INTEGER && t != AtomicType.REAL)) {
        throw OvsdbException.syntax("Type mismatch: \"" + f.text + "\" operator may not be "
            + "applied to column " + name + " of type " + describe(type) + ".");
      }
    }
    Datum value = Datum.fromJson(argumentType(type, f), c.get(2), namedUuids);
    return new Clause(column, column == null ? name : null, f, value);
  }

  /**
   * The type the clause's value must have, as ovsdb-server relaxes the column's type: ordering
   * functions take exactly one atom, "includes" any subset, "excludes" any set of atoms.
   */
  private static ColumnType argumentType(ColumnType type, Function f) {
    boolean scalar = type.isScalar();
    return switch (f) {
      case LT, LE, GT, GE -> new ColumnType(type.key(), null, 1, 1);
      case EQ, NE -> type;
      case INCLUDES -> scalar ? type : new ColumnType(type.key(), type.value(), 0, type.max());
      case EXCLUDES -> scalar ? type
          : new ColumnType(type.key(), type.value(), 0, Long.MAX_VALUE);
    };
  }

  private static String describe(ColumnType type) {
    return type.isMap() ? "map" : type.max() == 1 ? type.key().type().jsonName() : "set";
  }

  /** True when the row satisfies every clause. */
  public boolean test(Row row) {
    if (alwaysFalse) {
      return false;
    }
    for (Clause c : clauses) {
      if (!c.test(row)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Monitor semantics (ovsdb-server's monitor_cond): true when any clause holds; an empty
   * condition matches every row, {@code [true]} every row, {@code [false]} none.
   */
  public boolean testAny(Row row) {
    if (hasTrue || (clauses.isEmpty() && !alwaysFalse)) {
      return true;
    }
    for (Clause c : clauses) {
      if (c.test(row)) {
        return true;
      }
    }
    return false;
  }

  /** Conditions are equal when they have the same clauses; monitors use this to share work. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Condition c && clauses.equals(c.clauses) && alwaysFalse == c.alwaysFalse
        && hasTrue == c.hasTrue;
  }

  @Override
  public int hashCode() {
    return clauses.hashCode() * 31 + (alwaysFalse ? 1 : 0) + (hasTrue ? 2 : 0);
  }

  /** True when no row can match. */
  public boolean isAlwaysFalse() {
    return alwaysFalse;
  }

  /** True when every row matches. */
  public boolean isAlwaysTrue() {
    return !alwaysFalse && clauses.isEmpty();
  }

  /** The UUID the condition pins with {@code ["_uuid", "==", X]}, or null. */
  public UUID pinnedUuid() {
    for (Clause c : clauses) {
      if (c.function == Function.EQ && "_uuid".equals(c.special)) {
        return (UUID) c.value.first();
      }
    }
    return null;
  }
}
