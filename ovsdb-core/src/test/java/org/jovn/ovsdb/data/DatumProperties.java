package org.jovn.ovsdb.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.schema.AtomicType;
import org.jovn.ovsdb.schema.BaseType;
import org.jovn.ovsdb.schema.ColumnType;

/** Datum JSON round trips and update2 diffs over random column types and values. */
class DatumProperties {

  /** A column type with a datum that fits it. */
  record Typed(ColumnType type, Datum datum) {}

  private static Arbitrary<Object> atoms(AtomicType t) {
    return switch (t) {
      case INTEGER -> Arbitraries.longs().map(Object.class::cast);
      case REAL -> Arbitraries.doubles().between(-1e12, 1e12).map(Object.class::cast);
      case BOOLEAN -> Arbitraries.of(true, false).map(Object.class::cast);
      case STRING -> Arbitraries.strings().ofMaxLength(6).map(Object.class::cast);
      case UUID -> Arbitraries.longs().tuple2()
          .map(p -> (Object) new UUID(p.get1(), p.get2()));
    };
  }

  private static Arbitrary<ColumnType> types() {
    Arbitrary<AtomicType> atomic = Arbitraries.of(AtomicType.class);
    Arbitrary<long[]> counts = Arbitraries.of(new long[] {1, 1}, new long[] {0, 1},
        new long[] {0, 4}, new long[] {1, Long.MAX_VALUE}, new long[] {0, Long.MAX_VALUE});
    return Combinators.combine(atomic, atomic, Arbitraries.of(true, false), counts)
        .as((k, v, isMap, n) -> new ColumnType(BaseType.of(k), isMap ? BaseType.of(v) : null,
            n[0], n[1]));
  }

  @Provide
  Arbitrary<Typed> typedDatums() {
    return types().flatMap(t -> {
      int max = (int) Math.min(t.max(), 8);
      Arbitrary<List<Object>> keys = atoms(t.key().type()).list().ofMinSize((int) t.min())
          .ofMaxSize(max).uniqueElements();
      if (!t.isMap()) {
        return keys.map(k -> new Typed(t, Datum.setOf(k)))
            .filter(x -> x.datum().size() >= t.min());
      }
      return keys.flatMap(k -> atoms(t.value().type()).list().ofSize(k.size()).map(vs -> {
        Map<Object, Object> m = new TreeMap<>(Atoms.ORDER);
        for (int i = 0; i < k.size(); i++) {
          m.put(k.get(i), vs.get(i));
        }
        return new Typed(t, Datum.mapOf(m));
      }));
    });
  }

  @Property
  void toJson_fromJson_roundTrip(@ForAll("typedDatums") Typed x) {
    String text = Json.write(x.datum().toJson(x.type()));
    Datum back = Datum.fromJson(x.type(), Json.parse(text), null);
    assertThat(back).isEqualTo(x.datum());
    assertThat(back.toJson(x.type())).isEqualTo(x.datum().toJson(x.type()));
  }

  @Provide
  Arbitrary<List<Object>> smallSets() {
    return Arbitraries.integers().between(0, 12).map(Object.class::cast).set().ofMaxSize(8)
        .map(s -> new ArrayList<>(s.stream().map(i -> (Object) (long) (Integer) i).toList()));
  }

  @Provide
  Arbitrary<Map<Object, Object>> smallMaps() {
    return Arbitraries.maps(Arbitraries.strings().withChars("abcdef").ofLength(1),
        Arbitraries.strings().withChars("xyz").ofLength(1)).ofMaxSize(6)
        .map(m -> new TreeMap<Object, Object>(m));
  }

  @Property
  void applyDiff_ofDiff_givesTarget_forSets(@ForAll("smallSets") List<Object> a,
      @ForAll("smallSets") List<Object> b) {
    Datum from = Datum.setOf(a);
    Datum to = Datum.setOf(b);
    assertThat(from.applyDiff(Datum.diff(from, to))).isEqualTo(to);
    assertThat(Datum.diff(from, from).isEmpty()).isTrue();
  }

  @Property
  void applyDiff_ofDiff_givesTarget_forMaps(@ForAll("smallMaps") Map<Object, Object> a,
      @ForAll("smallMaps") Map<Object, Object> b) {
    Datum from = Datum.mapOf(a);
    Datum to = Datum.mapOf(b);
    Datum diff = Datum.diff(from, to);
    assertThat(from.applyDiff(diff)).isEqualTo(to);
    assertThat(diff.isMap() || diff.isEmpty()).isTrue();
    Set<Object> changedKeys = new java.util.HashSet<>(diff.keys());
    for (Object k : a.keySet()) {
      if (b.containsKey(k) && b.get(k).equals(a.get(k))) {
        assertThat(changedKeys).doesNotContain(k);
      }
    }
  }
}
