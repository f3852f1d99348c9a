package org.jovn.ovsdb.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.util.ByteProcessor;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Splits a stream of concatenated JSON objects and arrays into {@link JsonNode}s, as OVS's
 * {@code lib/jsonrpc.c} does: values may follow each other with or without whitespace between them.
 *
 * <p>The decoder scans each byte once, tracking nesting depth and string/escape state across reads,
 * and hands only a complete value to Jackson. Values larger than {@code maxMessageBytes} or nested
 * deeper than {@code maxDepth} are rejected before Jackson sees them, so hostile input can neither
 * exhaust memory nor the stack. Any error is raised as a {@link JsonFrameException} naming the byte
 * position in the stream; after an error all further input is discarded (the connection is expected
 * to be closed by a later handler).
 *
 * <p>One instance per channel; not thread-safe (Netty confines it to the channel's event loop).
 */
public final class JsonFrameDecoder extends ByteToMessageDecoder {
  /** Default cap on one message: 32 MiB. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 32 << 20;
  /** Default cap on nesting depth. */
  public static final int DEFAULT_MAX_DEPTH = 1000;

  private final int maxMessageBytes;
  private final int maxDepth;
  private final ObjectMapper mapper;
  private final ByteProcessor scanner = this::step;

  /** Absolute stream position of the reader index of the cumulation buffer. */
  private long consumed;
  /** Bytes after the reader index already scanned as part of the current value. */
  private int scanned;
  private int depth;
  private boolean inString;
  private boolean escaped;
  private boolean tooDeep;
  private boolean failed;

  /** Creates a decoder with {@link #DEFAULT_MAX_MESSAGE_BYTES} and {@link #DEFAULT_MAX_DEPTH}. */
  public JsonFrameDecoder() {
    this(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_DEPTH);
  }

  /**
   * @param maxMessageBytes largest accepted value in bytes, at least 2
   * @param maxDepth deepest accepted nesting of objects and arrays, at least 1
   * @throws IllegalArgumentException if a limit is out of range
   */
  public JsonFrameDecoder(int maxMessageBytes, int maxDepth) {
    if (maxMessageBytes < 2 || maxDepth < 1) {
      throw new IllegalArgumentException(
          "maxMessageBytes must be >= 2 and maxDepth >= 1, got " + maxMessageBytes + ", " + maxDepth);
    }
    this.maxMessageBytes = maxMessageBytes;
    this.maxDepth = maxDepth;
    this.mapper = Json.mapper(maxMessageBytes, maxDepth);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    try {
      JsonNode node = scan(in);
      if (node != null) {
        out.add(node);
      }
    } catch (JsonFrameException e) {
      failed = true;
      in.skipBytes(in.readableBytes());
      throw e;
    }
  }

  /** Scans new bytes; returns a parsed value if one was completed, else null. */
  private JsonNode scan(ByteBuf in) throws JsonFrameException {
    if (scanned == 0) {
      skipWhitespace(in);
      if (!in.isReadable()) {
        return null;
      }
      byte first = in.getByte(in.readerIndex());
      if (first != '{' && first != '[') {
        throw new JsonFrameException(
            consumed, "expected '{' or '[' to start a message, got " + describe(first));
      }
    }
    int start = in.readerIndex();
    int limit = Math.min(in.writerIndex(), start + maxMessageBytes);
    int from = start + scanned;
    int stop = from < limit ? in.forEachByte(from, limit - from, scanner) : -1;
    if (stop >= 0) {
      if (tooDeep) {
        throw new JsonFrameException(
            consumed + (stop - start), "nesting deeper than " + maxDepth + " levels");
      }
      return complete(in, start, stop + 1 - start);
    }
    if (limit - start >= maxMessageBytes && in.writerIndex() > limit) {
      throw new JsonFrameException(
          consumed + maxMessageBytes, "message exceeds " + maxMessageBytes + " bytes");
    }
    scanned = limit - start;
    return null;
  }

  private void skipWhitespace(ByteBuf in) {
    int i = in.readerIndex();
    int end = in.writerIndex();
    while (i < end && isWhitespace(in.getByte(i))) {
      i++;
    }
    consumed += i - in.readerIndex();
    in.readerIndex(i);
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  /**
   * Advances the scanner by one byte (a Netty {@code ByteProcessor}); returns false to stop, when
   * the byte closed the top-level value or nested too deep (then {@link #tooDeep} is set).
   */
  private boolean step(byte b) {
    if (inString) {
      if (escaped) {
        escaped = false;
      } else if (b == '\\') {
        escaped = true;
      } else if (b == '"') {
        inString = false;
      }
      return true;
    }
    switch (b) {
      case '"' -> inString = true;
      case '{', '[' -> {
        if (++depth > maxDepth) {
          tooDeep = true;
          return false;
        }
      }
      case '}', ']' -> {
        return --depth != 0;
      }
      default -> { }
    }
    return true;
  }

  private JsonNode complete(ByteBuf in, int start, int length) throws JsonFrameException {
    long base = consumed;
    ByteBuf slice = in.retainedSlice(start, length);
    in.skipBytes(length);
    consumed += length;
    scanned = 0;
    depth = 0;
    try (InputStream stream = new ByteBufInputStream(slice, true)) {
      return mapper.readTree(stream);
    } catch (JsonProcessingException e) {
      long offset = Math.max(0, e.getLocation() == null ? 0 : e.getLocation().getByteOffset());
      throw new JsonFrameException(base + offset, e.getOriginalMessage());
    } catch (IOException e) {
      throw new JsonFrameException(base, e.toString());
    }
  }

  private static String describe(byte b) {
    return b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : String.format("byte 0x%02x", b & 0xff);
  }
}
