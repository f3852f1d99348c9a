package org.jovn.ovsdb.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.jovn.ovsdb.json.Json;

/**
 * A plain TCP socket speaking JSON text, for tests that send what a well-behaved client would
 * not: malformed JSON, oversize or deeply nested messages, explicit request ids. Owned and
 * closed by the test.
 */
public final class RawClient implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private JsonParser parser;

  public RawClient(int port) {
    try {
      socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout((int) (TestClient.WAIT_SECONDS * 1000));
      out = socket.getOutputStream();
      in = socket.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Socket socket() {
    return socket;
  }

  /** Sends text as is (single quotes are not translated). */
  void sendRaw(String text) throws IOException {
    sendRaw(text.getBytes(StandardCharsets.UTF_8));
  }

  void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Sends JSON text in which single quotes stand for double quotes. */
  public void send(String json) throws IOException {
    sendRaw(json.replace('\'', '"'));
  }

  /** Reads the next JSON message, or returns null when the server closed the connection. */
  public JsonNode read() throws IOException {
    if (parser == null) {
      parser = Json.MAPPER.createParser(in);
    }
    if (parser.nextToken() == null) {
      return null;
    }
    return Json.MAPPER.readTree(parser);
  }

  /** Reads messages until one is a response with this id (as JSON text, quotes translated). */
  public JsonNode readResponse(String id) throws IOException {
    JsonNode want = TestClient.json(id);
    while (true) {
      JsonNode m = read();
      if (m == null) {
        throw new AssertionError("connection closed before response " + id);
      }
      if (want.equals(m.get("id")) && m.get("method") == null) {
        return m;
      }
    }
  }

  /** True when the server has closed the connection (reading up to the test timeout). */
  boolean closedByServer() throws IOException {
    try {
      while (true) {
        int n = in.read(new byte[65536]);
        if (n < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      // A reset also means the server closed it.
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
