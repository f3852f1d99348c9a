package org.jovn.ovsdb.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.schema.BaseType;
import org.jovn.ovsdb.schema.ColumnType;

/**
 * A column value: a sorted set of atoms, or a map from atoms to atoms sorted by key
 * (RFC 7047 §5.1 {@code <value>}). Immutable and thread-safe; a scalar is a set of one.
 */
public final class Datum {
  private static final Object[] NONE = new Object[0];
  private static final Datum EMPTY_SET = new Datum(NONE, null);
  private static final Datum EMPTY_MAP = new Datum(NONE, NONE);

  private final Object[] keys;
  private final Object[] values;
  private int hash;

  private Datum(Object[] keys, Object[] values) {
    this.keys = keys;
    this.values = values;
  }

  public static Datum emptySet() {
    return EMPTY_SET;
  }

  public static Datum emptyMap() {
    return EMPTY_MAP;
  }

  /** A set of one atom. */
  public static Datum of(Object atom) {
    return new Datum(new Object[] {atom}, null);
  }

  /** A map of one pair. */
  public static Datum mapOf(Object key, Object value) {
    return new Datum(new Object[] {key}, new Object[] {value});
  }

  /** A set of the distinct atoms given. */
  public static Datum setOf(Collection<?> atoms) {
    Object[] k = atoms.toArray();
    Arrays.sort(k, Atoms.ORDER);
    int n = dedupe(k);
    return new Datum(n == k.length ? k : Arrays.copyOf(k, n), null);
  }

  /** A map with the given pairs. */
  public static Datum mapOf(Map<?, ?> pairs) {
    TreeMap<Object, Object> sorted = new TreeMap<>(Atoms.ORDER);
    sorted.putAll(pairs);
    return new Datum(sorted.keySet().toArray(), sorted.values().toArray());
  }

  private static int dedupe(Object[] sorted) {
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (n == 0 || !sorted[n - 1].equals(sorted[i])) {
        sorted[n++] = sorted[i];
      }
    }
    return n;
  }

  public int size() {
    return keys.length;
  }

  public boolean isEmpty() {
    return keys.length == 0;
  }

  public boolean isMap() {
    return values != null;
  }

  public Object key(int i) {
    return keys[i];
  }

  public Object value(int i) {
    return values[i];
  }

  /** The single atom of a scalar, or null when empty. */
  public Object first() {
    return keys.length == 0 ? null : keys[0];
  }

  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  /** The value mapped to the key, or null. */
  public Object get(Object key) {
    int i = indexOf(key);
    return i >= 0 ? values[i] : null;
  }

  private int indexOf(Object key) {
    if (keys.length < 8) {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i].equals(key)) {
          return i;
        }
      }
      return -1;
    }
    return Arrays.binarySearch(keys, key, Atoms.ORDER);
  }

  /** The keys (the elements of a set) as a list. */
  public List<Object> keys() {
    return List.of(keys);
  }

  /** The elements as a TreeMap (for maps) for building new datums. */
  public TreeMap<Object, Object> toMap() {
    TreeMap<Object, Object> m = new TreeMap<>(Atoms.ORDER);
    for (int i = 0; i < keys.length; i++) {
      m.put(keys[i], values == null ? keys[i] : values[i]);
    }
    return m;
  }

  /** Applies f to every UUID in keys and, for maps, values. */
  public void forEachUuid(boolean inKeys, boolean inValues, Consumer<UUID> f) {
    if (inKeys) {
      for (Object k : keys) {
        f.accept((UUID) k);
      }
    }
    if (inValues && values != null) {
      for (Object v : values) {
        f.accept((UUID) v);
      }
    }
  }

  /**
   * Reads a datum of a column type, checking the atoms' constraints and the element count.
   *
   * @throws OvsdbException "syntax error" on JSON of the wrong shape or with too few or too many
   *     elements (as ovsdb-server reports it), "constraint violation" on an atom the type does not
   *     allow, "ovsdb error" on a duplicate set element or map key
   */
  public static Datum fromJson(ColumnType type, JsonNode json, Function<String, UUID> namedUuids) {
    Datum d = fromJsonUnchecked(type, json, namedUuids, true);
    try {
      type.checkCount(d);
    } catch (OvsdbException e) {
      throw OvsdbException.syntax(e.details());
    }
    return d;
  }

  /**
   * Reads a datum whose elements are of the column's types but whose count is not checked, as
   * mutations and conditions use it.
   */
  public static Datum fromJsonUnchecked(ColumnType type, JsonNode json,
      Function<String, UUID> namedUuids, boolean checkConstraints) {
    if (type.isMap()) {
      if (!(json.isArray() && json.size() == 2 && "map".equals(json.get(0).asText())
          && json.get(1).isArray())) {
        throw OvsdbException.syntax("expected [\"map\", [...]] for a map, got "
            + Atoms.abbreviate(json));
      }
      TreeMap<Object, Object> m = new TreeMap<>(Atoms.ORDER);
      for (JsonNode pair : json.get(1)) {
        if (!pair.isArray() || pair.size() != 2) {
          throw OvsdbException.syntax("map pair must be a 2-element array, got "
              + Atoms.abbreviate(pair));
        }
        Object k = atom(type.key(), pair.get(0), namedUuids, checkConstraints);
        Object v = atom(type.value(), pair.get(1), namedUuids, checkConstraints);
        if (m.put(k, v) != null) {
          throw new OvsdbException("ovsdb error", "map contains duplicate key "
              + Atoms.toText(k));
        }
      }
      return new Datum(m.keySet().toArray(), m.values().toArray());
    }
    if (json.isArray() && json.size() == 2 && "set".equals(json.get(0).asText())
        && json.get(1).isArray()) {
      List<Object> atoms = new ArrayList<>(json.get(1).size());
      for (JsonNode a : json.get(1)) {
        atoms.add(atom(type.key(), a, namedUuids, checkConstraints));
      }
      Datum d = setOf(atoms);
      if (d.size() != atoms.size()) {
        throw new OvsdbException("ovsdb error", "set contains duplicate value");
      }
      return d;
    }
    return of(atom(type.key(), json, namedUuids, checkConstraints));
  }

  private static Object atom(BaseType base, JsonNode json, Function<String, UUID> namedUuids,
      boolean check) {
    Object a = Atoms.fromJson(base.type(), json, namedUuids);
    if (check) {
      base.check(a);
    }
    return a;
  }

  /** The JSON form for a column of the given type. */
  public JsonNode toJson(ColumnType type) {
    if (type.isMap()) {
      ArrayNode pairs = Json.array();
      for (int i = 0; i < keys.length; i++) {
        pairs.add(Json.array(Atoms.toJson(keys[i]), Atoms.toJson(values[i])));
      }
      return Json.array(Json.NODES.textNode("map"), pairs);
    }
    if (keys.length == 1) {
      return Atoms.toJson(keys[0]);
    }
    ArrayNode set = Json.array();
    for (Object k : keys) {
      set.add(Atoms.toJson(k));
    }
    return Json.array(Json.NODES.textNode("set"), set);
  }

  /** Set or map union; for maps, keys already present keep their value. */
  public Datum union(Datum other) {
    if (other.isEmpty()) {
      return this;
    }
    TreeMap<Object, Object> m = toMap();
    for (int i = 0; i < other.keys.length; i++) {
      m.putIfAbsent(other.keys[i], other.values == null ? other.keys[i] : other.values[i]);
    }
    return fromMap(m);
  }

  /**
   * Removes elements: for a set, those in {@code other}; for a map, the keys of {@code other}
   * when it is a set, or the exact pairs of {@code other} when it is a map.
   */
  public Datum minus(Datum other) {
    if (other.isEmpty() || isEmpty()) {
      return this;
    }
    TreeMap<Object, Object> m = toMap();
    for (int i = 0; i < other.keys.length; i++) {
      if (values == null || other.values == null) {
        m.remove(other.keys[i]);
      } else {
        m.remove(other.keys[i], other.values[i]);
      }
    }
    return fromMap(m);
  }

  /**
   * Applies an update2-style diff: for sets, elements in the diff are toggled; for maps, a key
   * absent here is added, a key with the same value is removed, and a key with another value
   * takes the diff's value.
   */
  public Datum applyDiff(Datum diff) {
    TreeMap<Object, Object> m = toMap();
    for (int i = 0; i < diff.keys.length; i++) {
      Object k = diff.keys[i];
      Object v = diff.values == null ? k : diff.values[i];
      Object old = m.get(k);
      if (old == null) {
        m.put(k, v);
      } else if (old.equals(v)) {
        m.remove(k);
      } else {
        m.put(k, v);
      }
    }
    return fromMap(m);
  }

  /** The update2-style diff that turns {@code from} into {@code to} (see {@link #applyDiff}). */
  public static Datum diff(Datum from, Datum to) {
    TreeMap<Object, Object> d = new TreeMap<>(Atoms.ORDER);
    boolean map = from.values != null || to.values != null;
    for (int i = 0; i < from.keys.length; i++) {
      int j = to.indexOf(from.keys[i]);
      if (j < 0) {
        d.put(from.keys[i], map ? from.values[i] : from.keys[i]);
      } else if (map && !from.values[i].equals(to.values[j])) {
        d.put(from.keys[i], to.values[j]);
      }
    }
    for (int i = 0; i < to.keys.length; i++) {
      if (from.indexOf(to.keys[i]) < 0) {
        d.put(to.keys[i], map ? to.values[i] : to.keys[i]);
      }
    }
    return map ? new Datum(d.keySet().toArray(), d.values().toArray())
        : new Datum(d.keySet().toArray(), null);
  }

  private Datum fromMap(TreeMap<Object, Object> m) {
    Object[] k = m.keySet().toArray();
    return new Datum(k, values == null ? null : m.values().toArray());
  }

  /** Builds a datum from parallel arrays already sorted by key without duplicates. */
  static Datum ofSorted(Object[] keys, Object[] values) {
    return new Datum(keys, values);
  }

  /** True when every element (pair, for maps) of {@code other} is in this datum. */
  public boolean includes(Datum other) {
    for (int i = 0; i < other.keys.length; i++) {
      int j = indexOf(other.keys[i]);
      if (j < 0 || (values != null && other.values != null
          && !values[j].equals(other.values[i]))) {
        return false;
      }
    }
    return true;
  }

  /** Copies the elements into new parallel arrays after applying f to each atom of the keys. */
  public Datum mapKeys(Function<Object, Object> f) {
    List<Object> out = new ArrayList<>(keys.length);
    for (Object k : keys) {
      out.add(f.apply(k));
    }
    if (values == null) {
      return setOf(out);
    }
    TreeMap<Object, Object> m = new TreeMap<>(Atoms.ORDER);
    for (int i = 0; i < keys.length; i++) {
      m.put(out.get(i), values[i]);
    }
    return fromMap(m);
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof Datum d && Arrays.equals(keys, d.keys)
        && Arrays.equals(values == null ? NONE : values, d.values == null ? NONE : d.values));
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(keys) * 31 + (values == null ? 0 : Arrays.hashCode(values));
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    if (values == null) {
      return Arrays.toString(keys);
    }
    return toMap().toString();
  }
}
