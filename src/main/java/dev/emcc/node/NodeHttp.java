package dev.emcc.node;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The node's HTTP layer on Jetty 12 (its core API, no servlets): an HTTPS connector and an optional
 * plain HTTP one ({@link Listeners}), the bounds of {@link ServerLimits} (idle and head timeouts,
 * connection limit, head and body sizes), strict HTTP/1.1 parsing, and the bridge from Jetty's
 * requests to the node's routes. Heads are parsed and bodies read without holding a thread
 * while a client is slow, so slow clients cannot keep the node from answering others. What Jetty
 * refuses before a route sees it is answered in the route's language by {@link ErrorAnswers}.
 */
final class NodeHttp implements AutoCloseable {
  /** What the node serves: the language of a path's answers, and the route of a request. */
  interface Routes {
    ErrorAnswers.Dialect dialect(String rawPath);

    /** Resolves a request from its head alone (path, method, token); never throws. */
    Route route(Exchange ex);
  }

  /**
   * A resolved request: its endpoint's language, whether the endpoint needs the body, the
   * endpoint itself (which never throws: it answers every failure), and what to do once the
   * request is over, answered or not (a count of requests in progress goes down).
   */
  record Route(ErrorAnswers.Dialect dialect, boolean readsBody, Function<Exchange, Reply> endpoint, Runnable over) {
    Route(ErrorAnswers.Dialect dialect, boolean readsBody, Function<Exchange, Reply> endpoint) {
      this(dialect, readsBody, endpoint, () -> { });
    }

    /** A request answered from its head (refused, or a GET). */
    static Route answer(ErrorAnswers.Dialect dialect, Reply reply) {
      return new Route(dialect, false, ex -> reply);
    }
  }

  private final Server server;
  private final ServerConnector https;
  private final ServerConnector http;
  private final HeadDeadline heads;

  private NodeHttp(Server server, ServerConnector https, ServerConnector http, HeadDeadline heads) {
    this.server = server;
    this.https = https;
    this.http = http;
    this.heads = heads;
  }

  /**
   * Loads the server's classes on a background thread while the node reads its identity and
   * store (about a thousand classes: a third of a second of a node's start on one core).
   */
  static void preload() {
    Thread t = new Thread(() -> {
      try {
        SSLContext tls = SSLContext.getDefault();
        Server server = build(tls, Listeners.https("127.0.0.1", 0), ServerLimits.DEFAULTS, null).server;
        server.getConnectors()[0].getConnectionFactories().forEach(f -> { });
        Class.forName("org.eclipse.jetty.server.internal.HttpConnection");
        Class.forName("org.eclipse.jetty.server.internal.HttpChannelState");
        Class.forName("org.eclipse.jetty.http.HttpParser");
        Class.forName("org.eclipse.jetty.http.HttpGenerator");
        Class.forName("org.eclipse.jetty.io.ssl.SslConnection");
      } catch (Exception | LinkageError e) {
        // only a head start: the real start reports any failure
      }
    }, "emcc-node-preload");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  static NodeHttp start(SSLContext tls, Listeners where, ServerLimits limits, Routes routes) throws IOException {
    NodeHttp built = build(tls, where, limits, routes);
    Server server = built.server;
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      throw e instanceof IOException io ? io : new IOException("cannot start the node's server on " + where.bind()
          + ": " + e.getMessage(), e);
    }
    built.heads.start();
    return built;
  }

  private static NodeHttp build(SSLContext tls, Listeners where, ServerLimits limits, Routes routes) {
    QueuedThreadPool threads = new QueuedThreadPool(32, 2);
    threads.setName("emcc-node");
    threads.setDaemon(true);
    threads.setReservedThreads(0);
    Server server = new Server(threads);
    ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("emcc-node-timer", true);
    server.addBean(scheduler);
    server.setStopTimeout(1000);

    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    config.setRequestHeaderSize(limits.headerLimit());
    // bare LF line ends are refused (a 400), as any other head HTTP/1.1 does not define
    config.setHttpCompliance(HttpCompliance.RFC9110.without("strict line ends",
        HttpCompliance.Violation.LF_HEADER_TERMINATION, HttpCompliance.Violation.LF_CHUNK_TERMINATION));
    // paths are decoded by the routes, strictly (a bad escape is our 400 in the endpoint's language)
    config.setUriCompliance(UriCompliance.UNSAFE);

    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setSslContext(tls);
    ssl.setRenegotiationAllowed(false);
    HttpConfiguration secure = new HttpConfiguration(config);
    SecureRequestCustomizer tlsRequests = new SecureRequestCustomizer();
    tlsRequests.setSniHostCheck(false); // the pinned certificate is the identity, not the Host a client names
    tlsRequests.setStsMaxAge(-1);
    secure.addCustomizer(tlsRequests);
    ServerConnector https = new ServerConnector(server, 1, 1,
        new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(secure));
    configure(https, where.bind(), where.httpsPort(), limits);
    server.addConnector(https);
    ServerConnector http = null;
    if (where.httpPort() != null) {
      http = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
      configure(http, where.bind(), where.httpPort(), limits);
      server.addConnector(http);
    }
    server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
    RequestReader reader = new RequestReader(limits);
    server.setHandler(new Bridge(routes, reader, https));
    server.setErrorHandler(new Refusals(routes));
    HeadDeadline heads = new HeadDeadline(server, scheduler, limits.headTimeout().toMillis());
    return new NodeHttp(server, https, http, heads);
  }

  private static void configure(ServerConnector c, String bind, int port, ServerLimits limits) {
    c.setHost(bind);
    c.setPort(port);
    c.setIdleTimeout(limits.idleTimeout().toMillis());
    c.setAcceptQueueSize(128);
  }

  int httpsPort() {
    return https.getLocalPort();
  }

  /** The plain HTTP port, or -1 when there is none. */
  int httpPort() {
    return http == null ? -1 : http.getLocalPort();
  }

  /** Stops accepting, gives requests in progress up to a second, then stops. */
  @Override
  public void close() {
    heads.stop();
    stopQuietly(server);
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      // stopping: nothing left to tell anyone
    }
  }

  static void write(Response response, Callback callback, Reply r) {
    response.setStatus(r.status());
    HttpFields.Mutable h = response.getHeaders();
    h.put(HttpHeader.CONTENT_TYPE, r.contentType());
    r.headers().forEach(h::put);
    if (r.close()) {
      h.put(HttpHeader.CONNECTION, "close");
    }
    h.put(HttpHeader.CONTENT_LENGTH, r.body().length);
    response.write(true, ByteBuffer.wrap(r.body()), callback);
  }

  private static String path(Request request) {
    HttpURI uri = request.getHttpURI();
    return uri == null || uri.getPath() == null ? "/" : uri.getPath();
  }

  /** From Jetty's request to a route, its body when it needs one, and its answer. */
  private static final class Bridge extends Handler.Abstract {
    private final Routes routes;
    private final RequestReader reader;
    private final ServerConnector secure;

    Bridge(Routes routes, RequestReader reader, ServerConnector secure) {
      this.routes = routes;
      this.reader = reader;
      this.secure = secure;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      Exchange ex = new Exchange(request.getMethod(), path(request), request.getHttpURI().getQuery(),
          name -> request.getHeaders().get(name), request.getConnectionMetaData().getConnector() == secure,
          Request.getRemoteAddr(request));
      Route route = routes.route(ex);
      if (!route.readsBody()) {
        Reply reply;
        try {
          reply = route.endpoint().apply(ex);
        } finally {
          route.over().run();
        }
        reader.discard(request, close -> write(response, callback, close ? reply.closing() : reply));
        return true;
      }
      try {
        reader.checkHead(ex);
      } catch (Unreadable u) {
        route.over().run();
        write(response, callback, ErrorAnswers.unreadable(route.dialect(), u));
        return true;
      }
      reader.read(request, body -> {
        ex.body(body);
        Reply reply;
        try {
          reply = route.endpoint().apply(ex);
        } finally {
          route.over().run();
        }
        write(response, callback, reply);
      }, u -> {
        route.over().run();
        write(response, callback, ErrorAnswers.unreadable(route.dialect(), u));
      });
      return true;
    }
  }

  /**
   * Requests Jetty refused before any route saw them (a malformed head, a head too large, a body
   * framed wrong): a 4xx in the language of the path asked for, with our own words, and the
   * connection closed. Jetty's own texts never reach the client.
   */
  private static final class Refusals implements Request.Handler {
    private final Routes routes;

    Refusals(Routes routes) {
      this.routes = routes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      int status = response.getStatus();
      String message = switch (status) {
        case 408 -> "the request did not arrive in time";
        case 413 -> "the request body is larger than this node accepts";
        case 414 -> "the request line is too long";
        case 431 -> "the request's headers are larger than this node accepts";
        case 500 -> "internal error; nothing was changed";
        case 505 -> "only HTTP/1.1 (and 1.0) are spoken here";
        default -> status >= 400 && status < 500 || status == 501
            ? "the request could not be read: its request line, headers or framing are not HTTP/1.1"
            : "the request could not be completed; nothing was changed";
      };
      int answered = status == 500 || status == 503 ? status : status >= 400 && status < 500 ? status : 400;
      if (!response.isCommitted()) {
        write(response, callback, ErrorAnswers.error(routes.dialect(path(request)), answered, message).closing());
      } else {
        callback.failed(new IOException("answer already started"));
      }
      return true;
    }
  }
}
