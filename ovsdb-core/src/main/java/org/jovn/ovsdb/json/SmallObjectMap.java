package org.jovn.ovsdb.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The members of a JSON object, in insertion order. OVSDB's objects are small (an operation, a
 * row, a JSON-RPC envelope), so up to {@value #SMALL} members live in two arrays searched
 * linearly, which is several times cheaper to build and read than a hash map; larger objects
 * switch to a {@link LinkedHashMap}. Not thread-safe, like Jackson's own object nodes.
 */
final class SmallObjectMap extends AbstractMap<String, JsonNode> {
  static final int SMALL = 8;

  private String[] keys = new String[4];
  private JsonNode[] values = new JsonNode[4];
  private int size;
  private int modCount;
  /** Non-null once the object outgrew the arrays. */
  private LinkedHashMap<String, JsonNode> large;

  private int indexOf(Object key) {
    for (int i = 0; i < size; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return large != null ? large.size() : size;
  }

  @Override
  public boolean isEmpty() {
    return size() == 0;
  }

  @Override
  public boolean containsKey(Object key) {
    return large != null ? large.containsKey(key) : indexOf(key) >= 0;
  }

  @Override
  public JsonNode get(Object key) {
    if (large != null) {
      return large.get(key);
    }
    int i = indexOf(key);
    return i >= 0 ? values[i] : null;
  }

  @Override
  public JsonNode put(String key, JsonNode value) {
    if (large != null) {
      return large.put(key, value);
    }
    int i = indexOf(key);
    if (i >= 0) {
      JsonNode old = values[i];
      values[i] = value;
      return old;
    }
    if (size == SMALL) {
      large = new LinkedHashMap<>(SMALL * 4);
      for (int j = 0; j < size; j++) {
        large.put(keys[j], values[j]);
      }
      keys = null;
      values = null;
      return large.put(key, value);
    }
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, SMALL);
      values = Arrays.copyOf(values, SMALL);
    }
    keys[size] = key;
    values[size] = value;
    size++;
    modCount++;
    return null;
  }

  @Override
  public JsonNode remove(Object key) {
    if (large != null) {
      return large.remove(key);
    }
    int i = indexOf(key);
    return i >= 0 ? removeAt(i) : null;
  }

  private JsonNode removeAt(int i) {
    JsonNode old = values[i];
    System.arraycopy(keys, i + 1, keys, i, size - i - 1);
    System.arraycopy(values, i + 1, values, i, size - i - 1);
    size--;
    keys[size] = null;
    values[size] = null;
    modCount++;
    return old;
  }

  @Override
  public void clear() {
    if (large != null) {
      large = null;
      keys = new String[4];
      values = new JsonNode[4];
    }
    Arrays.fill(keys, null);
    Arrays.fill(values, null);
    size = 0;
    modCount++;
  }

  @Override
  public Set<Map.Entry<String, JsonNode>> entrySet() {
    return large != null ? large.entrySet() : new Entries();
  }

  /** The entries of the array form, in order; the iterator supports remove. */
  private final class Entries extends AbstractSet<Map.Entry<String, JsonNode>> {
    @Override
    public int size() {
      return SmallObjectMap.this.size();
    }

    @Override
    public Iterator<Map.Entry<String, JsonNode>> iterator() {
      if (large != null) {
        return large.entrySet().iterator();
      }
      return new Iterator<>() {
        private int next;
        private int last = -1;
        private int expected = modCount;

        @Override
        public boolean hasNext() {
          return next < size;
        }

        @Override
        public Map.Entry<String, JsonNode> next() {
          if (expected != modCount) {
            throw new ConcurrentModificationException();
          }
          if (next >= size) {
            throw new NoSuchElementException();
          }
          last = next++;
          int at = last;
          return new Map.Entry<>() {
            @Override
            public String getKey() {
              return keys[at];
            }

            @Override
            public JsonNode getValue() {
              return values[at];
            }

            @Override
            public JsonNode setValue(JsonNode v) {
              JsonNode old = values[at];
              values[at] = v;
              return old;
            }

            @Override
            public boolean equals(Object o) {
              return o instanceof Map.Entry<?, ?> e && keys[at].equals(e.getKey())
                  && java.util.Objects.equals(values[at], e.getValue());
            }

            @Override
            public int hashCode() {
              return keys[at].hashCode() ^ java.util.Objects.hashCode(values[at]);
            }
          };
        }

        @Override
        public void remove() {
          if (last < 0) {
            throw new IllegalStateException();
          }
          removeAt(last);
          next = last;
          last = -1;
          expected = modCount;
        }
      };
    }
  }
}
