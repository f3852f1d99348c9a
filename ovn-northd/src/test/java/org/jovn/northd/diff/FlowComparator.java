package org.jovn.northd.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Matches up two sets of logical flows stage by stage. Within a stage, flows are keyed by
 * datapath, priority and match: equal actions make a flow identical, other actions a
 * {@link FlowDifference.Kind#DIFFERENT} one, and a key only one side has a missing or extra one.
 * Tables are not compared here: {@link #tableConflicts} checks that each stage has one table.
 */
final class FlowComparator {
  private static final Comparator<StageId> PIPELINE_ORDER = Comparator
      .comparing((StageId s) -> !s.logicalSwitch())
      .thenComparing(s -> !"ingress".equals(s.pipeline()));

  private FlowComparator() {}

  /** Every stage either side uses, in pipeline order: switches first, ingress before egress. */
  static List<StageComparison> compare(List<Flow> real, List<Flow> ours) {
    Map<StageId, List<Flow>> realByStage = byStage(real);
    Map<StageId, List<Flow>> ourByStage = byStage(ours);
    Set<StageId> stages = new HashSet<>(realByStage.keySet());
    stages.addAll(ourByStage.keySet());
    List<StageComparison> result = new ArrayList<>();
    for (StageId stage : stages) {
      List<Flow> r = realByStage.getOrDefault(stage, List.of());
      List<Flow> o = ourByStage.getOrDefault(stage, List.of());
      int table = (r.isEmpty() ? o : r).get(0).table();
      result.add(compareStage(stage, table, r, o));
    }
    result.sort(Comparator.comparing(StageComparison::stage, PIPELINE_ORDER)
        .thenComparingInt(StageComparison::table)
        .thenComparing(c -> c.stage().name()));
    return result;
  }

  private static Map<StageId, List<Flow>> byStage(List<Flow> flows) {
    return flows.stream().collect(Collectors.groupingBy(Flow::stageId));
  }

  /** Datapath, priority (highest first), match: the order lflow-list prints flows in. */
  private record Key(String datapath, int priority, String match) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      return Comparator.comparing(Key::datapath)
          .thenComparing(Key::priority, Comparator.reverseOrder())
          .thenComparing(Key::match).compare(this, o);
    }
  }

  private static StageComparison compareStage(StageId stage, int table, List<Flow> real,
      List<Flow> ours) {
    Map<Key, List<String>> r = actionsByKey(real);
    Map<Key, List<String>> o = actionsByKey(ours);
    Set<Key> keys = new TreeSet<>(r.keySet());
    keys.addAll(o.keySet());
    int identical = 0;
    List<FlowDifference> differences = new ArrayList<>();
    for (Key key : keys) {
      List<String> realOnly = new ArrayList<>(r.getOrDefault(key, List.of()));
      List<String> ourOnly = new ArrayList<>(o.getOrDefault(key, List.of()));
      for (String actions : List.copyOf(realOnly)) {
        if (ourOnly.remove(actions)) {
          realOnly.remove(actions);
          identical++;
        }
      }
      int paired = Math.min(realOnly.size(), ourOnly.size());
      for (int i = 0; i < paired; i++) {
        differences.add(difference(FlowDifference.Kind.DIFFERENT, key, realOnly.get(i),
            ourOnly.get(i)));
      }
      realOnly.subList(paired, realOnly.size()).forEach(a ->
          differences.add(difference(FlowDifference.Kind.MISSING, key, a, null)));
      ourOnly.subList(paired, ourOnly.size()).forEach(a ->
          differences.add(difference(FlowDifference.Kind.EXTRA, key, null, a)));
    }
    return new StageComparison(stage, table, identical, differences);
  }

  private static FlowDifference difference(FlowDifference.Kind kind, Key key, String real,
      String ours) {
    return new FlowDifference(kind, key.datapath(), key.priority(), key.match(), real, ours);
  }

  private static Map<Key, List<String>> actionsByKey(List<Flow> flows) {
    Map<Key, List<String>> map = new LinkedHashMap<>();
    for (Flow f : flows) {
      map.computeIfAbsent(new Key(f.datapath(), f.priority(), f.match()), k -> new ArrayList<>())
          .add(f.actions());
    }
    map.values().forEach(l -> l.sort(null));
    return map;
  }

  /**
   * Stages whose table number is not the same everywhere: a stage one side gives two tables, or
   * the two sides give different tables. One line per conflict; empty when there is none.
   */
  static List<String> tableConflicts(List<Flow> real, List<Flow> ours) {
    Map<StageId, Set<Integer>> realTables = tables(real);
    Map<StageId, Set<Integer>> ourTables = tables(ours);
    List<String> conflicts = new ArrayList<>();
    realTables.forEach((stage, t) -> {
      if (t.size() > 1) {
        conflicts.add(stage + ": the real northd uses tables " + t);
      }
    });
    ourTables.forEach((stage, t) -> {
      if (t.size() > 1) {
        conflicts.add(stage + ": jovn uses tables " + t);
      } else if (realTables.containsKey(stage) && !realTables.get(stage).equals(t)) {
        conflicts.add(stage + ": the real northd uses table " + realTables.get(stage)
            + ", jovn table " + t);
      }
    });
    return conflicts;
  }

  private static Map<StageId, Set<Integer>> tables(List<Flow> flows) {
    Map<StageId, Set<Integer>> tables = new TreeMap<>(
        Comparator.comparing(StageId::pipeline).thenComparing(StageId::name));
    flows.forEach(f -> tables.computeIfAbsent(f.stageId(), s -> new TreeSet<>()).add(f.table()));
    return tables;
  }
}
