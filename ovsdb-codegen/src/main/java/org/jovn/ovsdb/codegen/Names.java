package org.jovn.ovsdb.codegen;

import java.util.Locale;
import java.util.Set;

/** Java names for schema names: {@code Logical_Switch_Port} → {@code LogicalSwitchPort}. */
final class Names {
  private static final Set<String> RESERVED = Set.of("abstract", "assert", "boolean", "break",
      "byte", "case", "catch", "char", "class", "const", "continue", "default", "do", "double",
      "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if", "implements",
      "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
      "protected", "public", "return", "short", "static", "strictfp", "super", "switch",
      "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while",
      "true", "false", "null", "record", "var", "yield", "uuid", "hashCode", "toString",
      "equals", "getClass", "notify", "wait");

  private Names() {}

  /** A class name: words capitalized, the rest lower case ({@code NB_Global} → {@code NbGlobal}). */
  static String type(String schemaName) {
    StringBuilder sb = new StringBuilder();
    for (String word : words(schemaName)) {
      sb.append(Character.toUpperCase(word.charAt(0)))
          .append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return sb.toString();
  }

  /** A member name: the type name with a lower-case first letter, never a reserved word. */
  static String member(String schemaName) {
    String t = type(schemaName);
    String m = Character.toLowerCase(t.charAt(0)) + t.substring(1);
    return RESERVED.contains(m) ? m + "_" : m;
  }

  /** A constant name: {@code other_config} → {@code OTHER_CONFIG}. */
  static String constant(String schemaName) {
    return String.join("_", words(schemaName)).toUpperCase(Locale.ROOT);
  }

  private static String[] words(String name) {
    String clean = name.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (clean.isEmpty() || Character.isDigit(clean.charAt(0))) {
      clean = "x_" + clean;
    }
    return clean.split("_+");
  }
}
