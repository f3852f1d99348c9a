package org.jovn.ovsdb.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** SmallObjectMap behaves as an insertion-ordered map, below and above its array size. */
class SmallObjectMapProperties {
  @Property
  void randomOperations_matchLinkedHashMap(
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 14) Integer> keys,
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 3) Integer> ops) {
    SmallObjectMap small = new SmallObjectMap();
    Map<String, JsonNode> model = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(keys.size(), ops.size()); i++) {
      String k = "k" + keys.get(i);
      JsonNode v = Json.NODES.numberNode(i);
      switch (ops.get(i)) {
        case 0, 1 -> assertThat(small.put(k, v)).isEqualTo(model.put(k, v));
        case 2 -> assertThat(small.remove(k)).isEqualTo(model.remove(k));
        default -> {
          Iterator<Map.Entry<String, JsonNode>> a = small.entrySet().iterator();
          Iterator<Map.Entry<String, JsonNode>> b = model.entrySet().iterator();
          while (b.hasNext()) {
            Map.Entry<String, JsonNode> e = b.next();
            assertThat(a.next().getKey()).isEqualTo(e.getKey());
            if (e.getKey().equals(k)) {
              a.remove();
              b.remove();
            }
          }
        }
      }
      assertThat(small.size()).isEqualTo(model.size());
      assertThat(small.get(k)).isEqualTo(model.get(k));
      assertThat(new ArrayList<>(small.keySet())).isEqualTo(new ArrayList<>(model.keySet()));
      assertThat(small).isEqualTo(model);
    }
  }
}
