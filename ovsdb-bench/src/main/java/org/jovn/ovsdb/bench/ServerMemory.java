package org.jovn.ovsdb.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's resident set size from {@code /proc/PID/status} (Linux). Stateless. */
final class ServerMemory {
  private ServerMemory() {}

  /**
   * Returns the {@code VmRSS} of process {@code pid} in bytes.
   *
   * @throws BenchException if the process does not exist or the file has no VmRSS line
   */
  static long rssBytes(long pid) {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    try {
      return parseVmRss(Files.readString(status, StandardCharsets.US_ASCII), status);
    } catch (IOException e) {
      throw new BenchException("memory: cannot read " + status + " (is --server-pid " + pid
          + " a running process on this machine?): " + e, e);
    }
  }

  /** Parses the {@code VmRSS:    1234 kB} line of a status file. */
  static long parseVmRss(String statusText, Path source) {
    for (String line : statusText.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
        long kib = Long.parseLong(parts[0]);
        return kib * 1024;
      }
    }
    throw new BenchException("memory: " + source + " has no VmRSS line");
  }
}
