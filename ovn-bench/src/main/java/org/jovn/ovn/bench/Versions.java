package org.jovn.ovn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Asks a program for its version. Stateless. */
final class Versions {
  private Versions() {}

  /** The first line {@code COMMAND --version} prints, or {@code "version unknown"}. */
  static String of(List<String> command) {
    List<String> line = new ArrayList<>(command);
    line.add("--version");
    try {
      Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
      byte[] output = p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "version unknown";
      }
      String text = new String(output, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "version unknown" : text.lines().findFirst().orElseThrow();
    } catch (IOException e) {
      return "version unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "version unknown";
    }
  }
}
