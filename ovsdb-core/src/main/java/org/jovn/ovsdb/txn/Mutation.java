package org.jovn.ovsdb.txn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import java.util.function.Function;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.schema.AtomicType;
import org.jovn.ovsdb.schema.BaseType;
import org.jovn.ovsdb.schema.ColumnSchema;
import org.jovn.ovsdb.schema.ColumnType;
import org.jovn.ovsdb.schema.TableSchema;

/**
 * One mutation of a "mutate" operation (RFC 7047 §5.1 {@code <mutation>}): arithmetic on every
 * element, or insert/delete of elements. Immutable.
 */
record Mutation(ColumnSchema column, Mutator mutator, Object operand, Datum elements) {

  enum Mutator {
    ADD("+="), SUB("-="), MUL("*="), DIV("/="), MOD("%="), INSERT("insert"), DELETE("delete");

    final String text;

    Mutator(String text) {
      this.text = text;
    }

    static Mutator parse(String s) {
      for (Mutator m : values()) {
        if (m.text.equals(s)) {
          return m;
        }
      }
      throw new OvsdbException("unknown mutator", "No mutator named " + s + ".");
    }

    boolean isArithmetic() {
      return this != INSERT && this != DELETE;
    }
  }

  static Mutation fromJson(TableSchema table, JsonNode json, Function<String, UUID> namedUuids) {
    if (!json.isArray() || json.size() != 3 || !json.get(0).isTextual()
        || !json.get(1).isTextual()) {
      throw OvsdbException.syntax("Parse error in mutation: expected [column, mutator, value],"
          + " got " + json);
    }
    String name = json.get(0).textValue();
    ColumnSchema column = table.column(name);
    if (column == null) {
      throw new OvsdbException("unknown column", "No column " + name + " in table "
          + table.name() + ".");
    }
    if (!column.mutable()) {
      throw OvsdbException.constraint("Cannot mutate immutable column " + name + " in table "
          + table.name() + ".");
    }
    Mutator m = Mutator.parse(json.get(1).textValue());
    ColumnType type = column.type();
    JsonNode value = json.get(2);
    if (m.isArithmetic()) {
      AtomicType t = type.key().type();
      if (type.isMap() || (t != AtomicType.INTEGER && t != AtomicType.REAL)
          || (m == Mutator.MOD && t != AtomicType.INTEGER)) {
        throw typeMismatch(m, column);
      }
      ColumnType operandType = new ColumnType(BaseType.of(t), null, 1, 1);
      return new Mutation(column, m, Datum.fromJson(operandType, value, namedUuids).first(),
          null);
    }
    if (type.isScalar()) {
      throw typeMismatch(m, column);
    }
    long max = m == Mutator.INSERT ? type.max() : Long.MAX_VALUE;
    ColumnType operandType = new ColumnType(type.key(), type.value(), 0, max);
    if (m == Mutator.DELETE && type.isMap() && !(value.isArray() && value.size() == 2
        && "map".equals(value.get(0).asText()))) {
      operandType = new ColumnType(type.key(), null, 0, Long.MAX_VALUE);
    }
    Datum d = Datum.fromJson(operandType, value, namedUuids);
    return new Mutation(column, m, null, d);
  }

  private static OvsdbException typeMismatch(Mutator m, ColumnSchema column) {
    return OvsdbException.syntax("Type mismatch: \"" + m.text
        + "\" operator may not be applied to column " + column.name() + ".");
  }

  /**
   * Applies the mutation to a column value.
   *
   * @throws OvsdbException "domain error" on division by zero, "range error" on overflow,
   *     "constraint violation" when the result breaks the column's type
   */
  Datum apply(Datum current) {
    Datum result = switch (mutator) {
      case INSERT -> current.union(elements);
      case DELETE -> current.minus(elements);
      default -> arithmetic(current);
    };
    result = result == current ? current : result;
    if (mutator.isArithmetic()) {
      BaseType key = column.type().key();
      for (int i = 0; i < result.size(); i++) {
        key.check(result.key(i));
      }
    }
    try {
      column.type().checkCount(result);
    } catch (OvsdbException e) {
      throw OvsdbException.constraint("Attempted to store " + result.size()
          + " elements in " + column.name() + ": " + e.details());
    }
    return result;
  }

  private Datum arithmetic(Datum current) {
    Datum result = current.mapKeys(this::compute);
    if (result.size() != current.size()) {
      throw OvsdbException.constraint("Result of \"" + mutator.text
          + "\" operation contains duplicates.");
    }
    return result;
  }

  private Object compute(Object atom) {
    if (atom instanceof Long a) {
      long b = (Long) operand;
      try {
        return switch (mutator) {
          case ADD -> Math.addExact(a, b);
          case SUB -> Math.subtractExact(a, b);
          case MUL -> Math.multiplyExact(a, b);
          case DIV -> {
            checkDivisor(b == 0);
            yield Math.divideExact(a, b);
          }
          case MOD -> {
            checkDivisor(b == 0);
            if (a == Long.MIN_VALUE && b == -1) {
              throw new ArithmeticException("overflow");
            }
            yield a % b;
          }
          default -> throw new IllegalStateException();
        };
      } catch (ArithmeticException e) {
        throw new OvsdbException("range error", "Result of \"" + mutator.text
            + "\" operation is out of range.");
      }
    }
    double a = (Double) atom;
    double b = operand instanceof Long l ? l : (Double) operand;
    double r = switch (mutator) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV -> {
        checkDivisor(b == 0);
        yield a / b;
      }
      default -> throw new IllegalStateException();
    };
    if (Double.isInfinite(r) || Double.isNaN(r)) {
      throw new OvsdbException("range error", "Result of \"" + mutator.text
          + "\" operation is out of range.");
    }
    return r;
  }

  private static void checkDivisor(boolean zero) {
    if (zero) {
      throw new OvsdbException("domain error", "Division by zero.");
    }
  }
}
