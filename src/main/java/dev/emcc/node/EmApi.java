package dev.emcc.node;

import dev.emcc.model.ApplicationUser;
import dev.emcc.model.EmServiceParameters;
import dev.emcc.model.EndUser;
import dev.emcc.model.Phone;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Cisco's Extension Mobility API as Unified CM serves it on {@code /emservice/EMServiceServlet}:
 * the request and query documents of its DTDs, the application user of {@code <appInfo>}, and
 * answers in its shapes, every one with HTTP 200 ({@code <response><success/></response>},
 * {@code <response><failure><error code="N">text</error></failure></response>}, the query
 * results). User IDs in answers are URL-encoded as CUCM writes them ({@code em%40cisco.com}); in
 * requests both forms are read. The checks run in the simulator's order: the service parameters'
 * trusted addresses (28) and proxy rule (30) for logins and logouts, the operation (8), the
 * application user (3) and its proxy rights (10), then the operation's own.
 */
final class EmApi {
  private static final Set<String> REQUESTS = Set.of("login", "logout", "logoutAll");
  private static final Set<String> QUERIES = Set.of("deviceUserQuery", "userDevicesQuery", "deviceProfileQuery",
      "userDeviceProfileQuery", "checkUser");
  /** The longest exclusive duration taken, in minutes (a year). */
  static final int MAX_EXCLUSIVE_MINUTES = 525_600;

  /** Who sent a request: the connection's address and whether it came through a proxy (a Via header). */
  record Caller(String address, boolean via) {}

  private final EmService service;
  private final ApplicationUserCheck users;

  EmApi(EmService service, ApplicationUserCheck users) {
    this.service = service;
    this.users = users;
  }

  EmService.Answer handle(String xml, Caller caller) {
    Element root;
    try {
      root = EmXml.parse(xml);
    } catch (IOException e) {
      return fail(EmService.PARSE_ERROR, "cannot parse the XML request: " + e.getMessage());
    }
    String kind = root.getTagName();
    if (!kind.equals("request") && !kind.equals("query")) {
      return fail(EmService.PARSE_ERROR, "the document must be <request> or <query>, not <" + kind + ">");
    }
    List<Element> children = EmXml.children(root);
    Element appInfo = children.isEmpty() || !children.get(0).getTagName().equals("appInfo") ? null : children.get(0);
    List<Element> ops = children.stream().filter(e -> !e.getTagName().equals("appInfo")).toList();
    if (ops.size() > 1) {
      return fail(EmService.PARSE_ERROR, "<" + kind + "> holds one operation, not " + ops.size());
    }
    Element op = ops.isEmpty() ? null : ops.get(0);
    String name = op == null ? null : op.getTagName();
    if (service.state().clusterId() == null) {
      return fail(EmService.DATABASE, "this node holds no cluster yet");
    }
    if (kind.equals("request") && REQUESTS.contains(name)) {
      EmService.Answer refused = checkSource(op, caller);
      if (refused != null) {
        return refused;
      }
    }
    if (op == null || !(kind.equals("request") ? REQUESTS : QUERIES).contains(name)) {
      return fail(EmService.QUERY_TYPE_UNDETERMINED, op == null ? "no operation in the " + kind
          : "unknown operation <" + kind + "><" + name + "> (requests: login, logout, logoutAll; queries: "
              + "deviceUserQuery, userDevicesQuery, deviceProfileQuery, userDeviceProfileQuery, checkUser)");
    }
    EmService.Answer refused = authenticate(appInfo);
    if (refused != null) {
      return refused;
    }
    return switch (name) {
      case "login" -> login(op);
      case "logout" -> logout(op);
      case "logoutAll" -> {
        service.logoutAll();
        yield EmService.Answer.ok(EmXml.success());
      }
      case "deviceUserQuery" -> deviceUserQuery(op);
      case "userDevicesQuery" -> userDevicesQuery(op);
      case "checkUser" -> checkUser(op);
      default -> deviceProfileQuery(op);
    };
  }

  /**
   * The service parameters on where logins and logouts may come from: through a proxy (the HTTP
   * Via header, or {@code isViaHeaderSet} from an application that relays a phone) only when Allow
   * Proxy is on (30); with Validate IP Address on, only from a trusted address or the phone's own
   * ({@code remoteIPAddr} when the application names the phone's address, else the connection's) (28).
   */
  private EmService.Answer checkSource(Element op, Caller caller) {
    EmServiceParameters p = service.parameters();
    String ip = EmXml.text(op, "remoteIPAddr") != null ? EmXml.text(op, "remoteIPAddr") : caller.address();
    if (p.validateIpAddress()) {
      String device = EmXml.text(op, "deviceName");
      String phoneAddress = device == null ? null
          : service.object("phones", device, Phone.class).map(Phone::address).orElse(null);
      if (ip == null || !(ip.equals(phoneAddress) || p.trustedIps().contains(ip))) {
        return fail(EmService.UNTRUSTED_IP, ip + " is not in the Trusted List of IPs of the Cisco Extension Mobility "
            + "service (Validate IP Address is True)");
      }
    }
    boolean via = caller.via() || "true".equalsIgnoreCase(EmXml.text(op, "isViaHeaderSet"));
    if (via && !p.allowProxy()) {
      return fail(EmService.PROXY_NOT_ALLOWED, "the request came through a proxy (Via) and Allow Proxy is False");
    }
    return null;
  }

  /** The application user of {@code <appInfo>}: known, with this password (3), with proxy rights (10). */
  private EmService.Answer authenticate(Element appInfo) {
    String appId = appInfo == null ? null : EmXml.text(appInfo, "appID");
    if (appId == null) {
      return fail(EmService.INVALID_APP_USER, "no application user: the request needs <appInfo><appID/>"
          + "<appCertificate/></appInfo>");
    }
    if (EmXml.child(appInfo, "appEncryptedCertificate") != null && EmXml.child(appInfo, "appCertificate") == null) {
      return fail(EmService.INVALID_APP_USER, "Could not authenticate '" + appId + "': this node takes the password "
          + "in <appCertificate>, not <appEncryptedCertificate>");
    }
    String password = text(appInfo, "appCertificate");
    return switch (users.check(appId, password, ApplicationUser.EM_PROXY_RIGHTS)) {
      case OK -> null;
      case UNKNOWN_OR_WRONG_PASSWORD -> fail(EmService.INVALID_APP_USER, "Could not authenticate '" + appId + "'");
      case LACKS_ROLE -> fail(EmService.NO_PROXY_RIGHTS, "'" + appId + "' lacks the role "
          + ApplicationUser.EM_PROXY_RIGHTS);
    };
  }

  private EmService.Answer login(Element op) {
    String device = EmXml.text(op, "deviceName");
    String user = userId(EmXml.text(op, "userID"));
    if (device == null || user == null) {
      return fail(EmService.PARSE_ERROR, "login needs <deviceName> and <userID>");
    }
    Duration exclusive = null;
    Element duration = EmXml.child(op, "exclusiveDuration");
    if (duration != null) {
      Element time = EmXml.child(duration, "time");
      if (time != null) {
        String minutes = time.getTextContent().trim();
        if (!minutes.matches("[0-9]{1,9}") || Integer.parseInt(minutes) < 1
            || Integer.parseInt(minutes) > MAX_EXCLUSIVE_MINUTES) {
          return fail(EmService.LOGOUT_REQUEST, "Could not set auto-logout duration: <time> is a whole number of "
              + "minutes from 1 to " + MAX_EXCLUSIVE_MINUTES + ", not \"" + minutes + "\"");
        }
        exclusive = Duration.ofMinutes(Integer.parseInt(minutes));
      } else if (EmXml.child(duration, "indefinite") == null) {
        return fail(EmService.LOGOUT_REQUEST, "Could not set auto-logout duration: <exclusiveDuration> holds "
            + "<time>MINUTES</time> or <indefinite/>");
      }
    }
    return service.login(device, user, EmXml.text(op, "deviceProfile"), exclusive, true);
  }

  private EmService.Answer logout(Element op) {
    String device = EmXml.text(op, "deviceName");
    if (device == null) {
      return fail(EmService.PARSE_ERROR, "logout needs <deviceName>");
    }
    return service.logout(device);
  }

  private EmService.Answer deviceUserQuery(Element op) {
    List<String> devices = texts(op, "deviceName");
    if (devices.isEmpty()) {
      return fail(EmService.PARSE_ERROR, "deviceUserQuery needs at least one <deviceName>");
    }
    StringBuilder sb = new StringBuilder("<response><deviceUserResults>");
    for (String d : devices) {
      sb.append("<device name=\"").append(EmXml.escape(d)).append("\">");
      EmService.DeviceUser du = service.deviceUser(d);
      if (!du.exists()) {
        sb.append("<doesNotExist/>");
      } else if (du.session() != null) {
        sb.append("<userID>").append(encode(du.session().userId())).append("</userID>");
        String previous = du.session().previousUser();
        sb.append(previous == null ? "<none/>" : "<lastlogin>" + encode(previous) + "</lastlogin>");
        sb.append("<emccDevice>").append(du.emccDevice() ? "yes" : "no").append("</emccDevice>");
      } else {
        sb.append("<none/>");
        if (du.lastUser() != null) {
          sb.append("<lastlogin>").append(encode(du.lastUser())).append("</lastlogin>");
        }
      }
      sb.append("</device>");
    }
    return EmService.Answer.ok(sb.append("</deviceUserResults></response>").toString());
  }

  private EmService.Answer userDevicesQuery(Element op) {
    List<String> users = userIds(op);
    if (users.isEmpty()) {
      return fail(EmService.PARSE_ERROR, "userDevicesQuery needs at least one <userID>");
    }
    StringBuilder sb = new StringBuilder("<response><userDevicesResults>");
    for (String u : users) {
      sb.append("<user id=\"").append(encode(u)).append("\">");
      List<String> devices = service.userDevices(u);
      if (devices == null) {
        sb.append("<doesNotExist/>");
      } else if (devices.isEmpty()) {
        sb.append("<none/>");
      } else {
        devices.forEach(d -> sb.append("<deviceName>").append(EmXml.escape(d)).append("</deviceName>"));
      }
      sb.append("</user>");
    }
    return EmService.Answer.ok(sb.append("</userDevicesResults></response>").toString());
  }

  /** The device profiles of each user; none of them is marked default (the model has no default profile). */
  private EmService.Answer deviceProfileQuery(Element op) {
    List<String> users = userIds(op);
    if (users.isEmpty()) {
      return fail(EmService.PARSE_ERROR, op.getTagName() + " needs at least one <userID>");
    }
    StringBuilder sb = new StringBuilder("<response><deviceProfileResults>");
    for (String u : users) {
      sb.append("<user id=\"").append(encode(u)).append("\">");
      Optional<EndUser> user = service.user(u);
      if (user.isEmpty()) {
        sb.append("<doesNotExist/>");
      } else if (user.get().controlledProfiles().isEmpty()) {
        sb.append("<none/>");
      } else {
        for (String p : user.get().controlledProfiles()) {
          sb.append("<deviceProfile><deviceProfileName>").append(EmXml.escape(p))
              .append("</deviceProfileName><isDefaultDeviceProfile>f</isDefaultDeviceProfile></deviceProfile>");
        }
      }
      sb.append("</user>");
    }
    return EmService.Answer.ok(sb.append("</deviceProfileResults></response>").toString());
  }

  /** Whether every user named exists (Cisco publishes no answer shape: success, or 23 naming the first unknown). */
  private EmService.Answer checkUser(Element op) {
    List<String> users = userIds(op);
    if (users.isEmpty()) {
      return fail(EmService.PARSE_ERROR, "checkUser needs at least one <userID>");
    }
    for (String u : users) {
      if (service.user(u).isEmpty()) {
        return fail(EmService.USER_DOES_NOT_EXIST, "user " + u + " does not exist");
      }
    }
    return EmService.Answer.ok(EmXml.success());
  }

  private static EmService.Answer fail(int code, String text) {
    return EmService.Answer.fail(code, text);
  }

  private static List<String> userIds(Element op) {
    List<String> out = new ArrayList<>();
    for (String u : texts(op, "userID")) {
      out.add(userId(u));
    }
    return out;
  }

  private static List<String> texts(Element parent, String name) {
    List<String> out = new ArrayList<>();
    for (Element e : EmXml.children(parent)) {
      if (e.getTagName().equals(name) && !e.getTextContent().trim().isEmpty()) {
        out.add(e.getTextContent().trim());
      }
    }
    return out;
  }

  /** The text of a child, untrimmed (a password may begin or end with a space), or null. */
  private static String text(Element parent, String name) {
    Element e = EmXml.child(parent, name);
    return e == null ? null : e.getTextContent();
  }

  /** A user ID as CUCM writes it in answers: URL-encoded UTF-8 ({@code em%40cisco.com}). */
  static String encode(String userId) {
    return EmXml.escape(URLEncoder.encode(userId, StandardCharsets.UTF_8));
  }

  /**
   * A user ID from a request, plain ({@code em@cisco.com}) or URL-encoded as in CUCM's answers
   * ({@code em%40cisco.com}): %XX escapes are decoded when they spell UTF-8; anything else is
   * taken as written ('+' stays '+').
   */
  static String userId(String raw) {
    if (raw == null || raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); ) {
      int c = raw.codePointAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || !isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
          return raw;
        }
        out.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
        i += 3;
      } else {
        out.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(c);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(out.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      return raw;
    }
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
