package dev.emcc.wire;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The paths of a node, as the node routes them and a console asks for them. {@value #API} and
 * {@value #INTERCLUSTER} are ours (docs/nodes.md); {@value #EMSERVICE} is where CUCM serves the
 * Extension Mobility API, {@value #AXL} its AXL.
 */
public final class WirePaths {
  /** The REST API of the cluster document. */
  public static final String API = "/api/v1";
  public static final String HEALTH = API + "/health";
  /** The whole cluster document (GET, PUT). */
  public static final String CLUSTER = API + "/cluster";
  /** The list of objects and their revisions ({@code ?since=} / {@code ?changedSince=}). */
  public static final String OBJECTS = CLUSTER + "/objects";
  /** A batch of changes, applied together or not at all (POST). */
  public static final String CHANGES = CLUSTER + "/changes";
  /** Who is logged in where on the node, for the trainer's view (GET; ours). */
  public static final String EM_LOGINS = API + "/em/logins";
  /** CUCM's EMService servlet: Cisco's Extension Mobility API (login, logout, the queries). */
  public static final String EMSERVICE = "/emservice/EMServiceServlet";
  /** CUCM's AXL (SOAP over HTTPS; {@code /axl} without the slash is answered too). */
  public static final String AXL = "/axl/";
  /** This product's own cluster-to-cluster messages (HTTPS, API token; not CUCM's). */
  public static final String INTERCLUSTER = "/emcc/intercluster";

  private WirePaths() {}

  /** One object: {@code /api/v1/cluster/COLLECTION/NAME}, each part percent-encoded. */
  public static String object(ObjectKey key) {
    return CLUSTER + "/" + segment(key.collection()) + "/" + segment(key.name());
  }

  private static String segment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
