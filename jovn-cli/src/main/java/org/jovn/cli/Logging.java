package org.jovn.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Configures logging the way OVS daemons do: to stderr unless detached, to a file with
 * {@code --log-file}, in OVS's timestamp|module|level|message shape.
 */
final class Logging {
  private static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}|%logger{0}|%level|%msg%n";

  private Logging() {}

  static void configure(boolean console, Path logFile, Level level) {
    configure((LoggerContext) LoggerFactory.getILoggerFactory(), console, logFile, level);
  }

  static void configure(LoggerContext ctx, boolean console, Path logFile, Level level) {
    ctx.reset();
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(level);
    if (console) {
      ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> c = new ConsoleAppender<>();
      c.setContext(ctx);
      c.setTarget("System.err");
      c.setEncoder(encoder(ctx));
      c.start();
      root.addAppender(c);
    }
    if (logFile != null) {
      FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> f = new FileAppender<>();
      f.setContext(ctx);
      f.setFile(logFile.toString());
      f.setAppend(true);
      f.setEncoder(encoder(ctx));
      f.start();
      root.addAppender(f);
    }
    ctx.getLogger("io.netty").setLevel(Level.WARN);
    ctx.getLogger("org.apache.ratis").setLevel(Level.ERROR);
    ctx.getLogger("org.apache.ratis.server.impl.RaftServerImpl").setLevel(Level.INFO);
  }

  private static PatternLayoutEncoder encoder(LoggerContext ctx) {
    PatternLayoutEncoder e = new PatternLayoutEncoder();
    e.setContext(ctx);
    e.setPattern(PATTERN);
    e.start();
    return e;
  }
}
