package org.jovn.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logging before a command configures its own ({@link Logging}): warnings and errors to
 * stderr, in OVS's shape. Found by logback through {@code META-INF/services}, which spares
 * every start-up the parsing of a configuration file.
 */
public final class DefaultLogging extends ContextAwareBase implements Configurator {
  @Override
  public ExecutionStatus configure(LoggerContext ctx) {
    Logging.configure(ctx, true, null, Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
