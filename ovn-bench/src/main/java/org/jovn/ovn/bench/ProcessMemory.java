package org.jovn.ovn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's memory as {@code /proc/PID/status} (Linux) reports it.
 *
 * @param rssKib resident set size now ({@code VmRSS}), KiB
 * @param peakRssKib the largest resident set size so far ({@code VmHWM}), KiB
 */
record ProcessMemory(long rssKib, long peakRssKib) {

  /**
   * Reads process {@code pid}'s status.
   *
   * @throws BenchException when the process does not exist or the file lacks a line
   */
  static ProcessMemory of(long pid) {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    try {
      return parse(Files.readString(status, StandardCharsets.US_ASCII), status);
    } catch (IOException e) {
      throw new BenchException("memory: cannot read " + status + ": " + e.getMessage(), e);
    }
  }

  /** Parses the {@code VmRSS:    1234 kB} and {@code VmHWM:} lines of a status file. */
  static ProcessMemory parse(String statusText, Path source) {
    return new ProcessMemory(kib(statusText, "VmRSS:", source), kib(statusText, "VmHWM:", source));
  }

  private static long kib(String statusText, String key, Path source) {
    for (String line : statusText.split("\n")) {
      if (line.startsWith(key)) {
        return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
      }
    }
    throw new BenchException("memory: " + source + " has no " + key + " line");
  }
}
