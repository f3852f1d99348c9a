package org.jovn.ovsdb.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A node factory whose object nodes keep their members in a {@link SmallObjectMap}; every
 * mapper in jovn parses into it. Numbers keep exact integer form. Thread-safe (stateless).
 */
public final class CompactNodeFactory extends JsonNodeFactory {
  private static final long serialVersionUID = 1L;

  /** The shared instance. */
  public static final CompactNodeFactory INSTANCE = new CompactNodeFactory();

  private CompactNodeFactory() {
    super(true);
  }

  @Override
  public ObjectNode objectNode() {
    return new ObjectNode(this, new SmallObjectMap());
  }
}
