package dev.emcc.node;

import dev.emcc.axl.AxlFault;
import dev.emcc.axl.AxlVersion;
import dev.emcc.axl.Soap;
import dev.emcc.axl.XmlTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The HTTP side of the node's AXL service at {@code /axl/}: Basic authentication against the
 * application users with the AXL role, the SOAPAction's version, the throttle (HTTP 503 as CUCM
 * answers when AXL is busy), and SOAP envelopes in and out. {@code GET /axl/} answers as CUCM does,
 * since clients probe it before their first request.
 */
final class AxlEndpoint {
  private static final String HTML = "text/html; charset=utf-8";
  private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Basic realm=\"Cisco AXL\"");

  private final AxlService service;
  private final NodeServer.NodeLog log;
  private final AxlAccounts accounts;
  private volatile WriteThrottle throttle = new WriteThrottle(0);
  /** Who may send executeSQLQuery, a role of its own on CUCM (by default every AXL user). */
  private volatile java.util.function.Predicate<String> sqlUsers = user -> true;

  AxlEndpoint(AxlService service, AxlAccounts accounts, NodeServer.NodeLog log) {
    this.service = service;
    this.accounts = accounts;
    this.log = log;
  }

  void writesPerSecond(double writesPerSecond) {
    this.throttle = new WriteThrottle(writesPerSecond);
  }

  void sqlUsers(java.util.function.Predicate<String> mayQuery) {
    this.sqlUsers = mayQuery;
  }

  Reply get(Exchange ex) {
    Reply refused = authenticate(ex);
    if (refused != null) {
      return refused;
    }
    String page = "<html><head><title>Cisco CallManager: AXL Web Service</title></head><body>"
        + "<h1>Cisco CallManager: AXL Web Service</h1><p>The AXL Web Service is working and accepting requests."
        + " Use HTTP POST to send a request.</p></body></html>";
    return new Reply(200, HTML, page.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  Reply post(Exchange ex) {
    Reply refused = authenticate(ex);
    if (refused != null) {
      return refused;
    }
    String action = ex.header("SOAPAction");
    String actionVersion = AxlVersion.ofSoapAction(action);
    XmlTree op;
    try {
      op = Soap.body(ex.body());
    } catch (IOException e) {
      return fault(400, new AxlFault(AxlFault.INVALID_VALUE, "the request is not a SOAP envelope: " + e.getMessage(), null));
    } catch (AxlFault f) {
      return fault(400, new AxlFault(AxlFault.INVALID_VALUE, "a request cannot be a SOAP fault", null));
    }
    AxlVersion version = AxlVersion.ofNamespace(op.namespace());
    if (version == null) {
      return fault(500, new AxlFault(AxlFault.UNKNOWN_REQUEST, "the operation's namespace " + op.namespace()
          + " is not an AXL schema this node answers (http://www.cisco.com/AXL/API/<version>, versions "
          + String.join(", ", AxlVersion.SUPPORTED) + ")", op.name()));
    }
    if (actionVersion != null && !actionVersion.equals(version.number())) {
      return fault(500, new AxlFault(AxlFault.UNKNOWN_REQUEST, "the SOAPAction says version " + actionVersion
          + " but the request is in the namespace of " + version, op.name()));
    }
    if (op.name().equals("executeSQLQuery") && !sqlUsers.test(credentials(ex)[0])) {
      log.info("AXL executeSQLQuery refused for " + credentials(ex)[0] + " from " + ex.remote() + ": no SQL role");
      return fault(500, new AxlFault(AxlFault.UNKNOWN_REQUEST, "Access to executeSQLQuery is denied: user "
          + credentials(ex)[0] + " has no role that allows SQL queries", op.name()));
    }
    if (AxlService.isWrite(op.name()) && !throttle.take()) {
      log.info("AXL " + op.name() + " from " + ex.remote() + ": throttled (503)");
      return new Reply(503, HTML, "<html><body>AXL is busy: too many write requests; try again later</body></html>"
          .getBytes(StandardCharsets.UTF_8), Map.of("Retry-After", "1"));
    }
    try {
      XmlTree response = service.handle(version, op);
      if (AxlService.isWrite(op.name())) {
        log.info("AXL " + op.name() + " from " + ex.remote());
      }
      return new Reply(200, Soap.CONTENT_TYPE, Soap.envelope(version, response), Map.of());
    } catch (AxlFault f) {
      return fault(500, f);
    }
  }

  private static Reply fault(int status, AxlFault f) {
    return new Reply(status, Soap.CONTENT_TYPE, Soap.fault(f), Map.of());
  }

  /** Null when the Basic credentials are of an application user with the AXL role, else the refusal. */
  private Reply authenticate(Exchange ex) {
    String[] pair = credentials(ex);
    String user = pair[0];
    String password = pair[1];
    AxlAccounts.Access access = user == null ? AxlAccounts.Access.REFUSED : accounts.check(user, password);
    return switch (access) {
      case GRANTED -> null;
      case NO_ROLE -> {
        log.info("AXL refused for " + user + " from " + ex.remote() + ": no Standard AXL API Access role");
        yield new Reply(403, HTML, "<html><body>403 Forbidden: the user has no AXL access</body></html>"
            .getBytes(StandardCharsets.UTF_8), Map.of());
      }
      case REFUSED -> {
        log.info("AXL refused from " + ex.remote() + ": " + (user == null ? "no credentials" : "wrong user or password"));
        yield new Reply(401, HTML, "<html><body>401 Unauthorized</body></html>".getBytes(StandardCharsets.UTF_8),
            CHALLENGE);
      }
    };
  }

  /** The Basic credentials' user and password ({null, null} when there are none). */
  private static String[] credentials(Exchange ex) {
    String header = ex.header("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon > 0) {
          return new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
        }
      } catch (IllegalArgumentException e) {
        return new String[2];
      }
    }
    return new String[2];
  }

  /** At most {@code perSecond} writes a second (0: no limit), one at a time after a pause. */
  static final class WriteThrottle {
    private final long intervalNanos;
    private long next;

    WriteThrottle(double perSecond) {
      this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
    }

    synchronized boolean take() {
      if (intervalNanos == 0) {
        return true;
      }
      long now = System.nanoTime();
      if (next != 0 && now < next) {
        return false;
      }
      next = now + intervalNanos;
      return true;
    }
  }
}
