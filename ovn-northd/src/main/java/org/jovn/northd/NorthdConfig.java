package org.jovn.northd;

import java.nio.file.Path;
import java.util.List;

/**
 * How to run northd.
 *
 * @param nbRemotes Northbound database remotes ({@code tcp:IP:PORT}, {@code unix:PATH},
 *     {@code ssl:IP:PORT}); with several, the cluster leader is used
 * @param sbRemotes Southbound database remotes
 * @param unixctl the control socket's path, or null for none
 */
public record NorthdConfig(List<String> nbRemotes, List<String> sbRemotes, Path unixctl) {
  public NorthdConfig {
    nbRemotes = List.copyOf(nbRemotes);
    sbRemotes = List.copyOf(sbRemotes);
    if (nbRemotes.isEmpty() || sbRemotes.isEmpty()) {
      throw new IllegalArgumentException("northd needs Northbound and Southbound remotes");
    }
  }
}
