package org.jovn.ovsdb.rpc;

import io.netty.handler.codec.CorruptedFrameException;

/**
 * A byte stream that cannot be split into JSON values: malformed JSON, a message larger than the
 * configured cap, or nesting deeper than the configured limit. The connection that produced it is
 * closed; nothing after the offending byte is decoded.
 */
public final class JsonFrameException extends CorruptedFrameException {
  private static final long serialVersionUID = 1L;

  private final long position;

  /**
   * @param position zero-based offset, in the connection's input stream, of the offending byte
   * @param reason what was wrong, without the position
   */
  public JsonFrameException(long position, String reason) {
    super("invalid JSON input at byte " + position + ": " + reason);
    this.position = position;
  }

  /** Returns the zero-based offset of the offending byte in the connection's input stream. */
  public long position() {
    return position;
  }
}
