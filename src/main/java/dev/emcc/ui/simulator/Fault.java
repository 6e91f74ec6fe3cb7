package dev.emcc.ui.simulator;

import dev.emcc.model.Certificate;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceSecurityMode;
import dev.emcc.model.EmccDevices;
import dev.emcc.model.EndUser;
import dev.emcc.model.Node;
import dev.emcc.model.Phone;
import dev.emcc.model.SecurityMode;
import dev.emcc.model.Workspace;
import dev.emcc.sim.ClusterFault;
import dev.emcc.sim.SimulatorSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fault the trainer injects. Faults change a copy of the workspace (never the saved one) or the
 * attempt; "home" means every cluster other than the visiting one (where the user's home is
 * searched). {@link #wanDown} and the failures inside clusters ({@link #stage}: database,
 * directory, RIS, EMApp start-up) are session conditions, not configuration changes.
 */
public enum Fault {
  WAN_DOWN,
  EM_SERVICE_STOPPED,
  CERTIFICATE_MISSING,
  WRONG_PIN,
  USER_EMCC_OFF,
  DUPLICATE_DEVICE_NAME,
  NO_FREE_EMCC_DEVICE,
  SECURITY_MODE,
  VERSION_CHANGE,
  DATABASE_DOWN,
  DIRECTORY_DOWN,
  RIS_DOWN,
  EM_APP_INIT_FAILED;

  /** The message key of the fault's label (and key + ".tip" its explanation). */
  public String key() {
    return "sim.fault." + name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The attempt after the faults: which cluster, phone, user id, PIN, loginType go out. */
  public record Attempt(String visitingCluster, String phone, String userId, String pin, String loginType) {}

  /** The workspace copy with the faults applied. */
  public static Workspace apply(Set<Fault> faults, Workspace ws, Attempt a) {
    Workspace out = ws;
    for (Fault f : faults) {
      out = f.change(out, a);
    }
    return out;
  }

  /** The attempt with the faults applied (a wrong PIN, a loginType for the old home). */
  public static Attempt apply(Set<Fault> faults, Attempt a) {
    Attempt out = a;
    if (faults.contains(WRONG_PIN)) {
      String wrong = "0000".equals(a.pin()) ? "1111" : "0000";
      out = new Attempt(out.visitingCluster(), out.phone(), out.userId(), wrong, out.loginType());
    }
    if (faults.contains(VERSION_CHANGE) && out.loginType() == null) {
      // a 12.0+ visiting cluster sends the loginType; an 11.5 home cannot parse it (code 1)
      out = new Attempt(out.visitingCluster(), out.phone(), out.userId(), out.pin(), "UID");
    }
    return out;
  }

  public static boolean wanDown(Set<Fault> faults) {
    return faults.contains(WAN_DOWN);
  }

  /**
   * True when the WAN fault made the attempt fail: its first failed step is a call between the
   * clusters. No setting fixes that; clearing the fault does.
   */
  public static boolean wanExplains(Set<Fault> faults, dev.emcc.sim.SimulationResult r) {
    return wanDown(faults) && !r.isSuccess() && r.steps().stream().filter(s -> !s.ok()).findFirst()
        .filter(SequenceDiagram::betweenClusters).isPresent();
  }

  /**
   * Puts the session conditions of the faults in place, clearing those not chosen: the WAN, and
   * the failures inside clusters. The database, RIS and EMApp faults hit the visiting cluster; the
   * directory is down everywhere (an EMCC login meets the home's, a local one the visiting's).
   */
  public static void stage(Set<Fault> faults, SimulatorSession session, String visiting) {
    session.setWanUp(!wanDown(faults));
    for (Cluster c : session.workspace().clusters()) {
      String id = c.clusterId();
      boolean here = id.equals(visiting);
      session.setFault(id, ClusterFault.DATABASE_DOWN, here && faults.contains(DATABASE_DOWN));
      session.setFault(id, ClusterFault.RIS_DOWN, here && faults.contains(RIS_DOWN));
      session.setFault(id, ClusterFault.EM_APP_INIT_FAILED, here && faults.contains(EM_APP_INIT_FAILED));
      session.setFault(id, ClusterFault.DIRECTORY_DOWN, faults.contains(DIRECTORY_DOWN));
    }
  }

  private Workspace change(Workspace ws, Attempt a) {
    String visiting = a.visitingCluster();
    switch (this) {
      case EM_SERVICE_STOPPED:
        return ws.updateCluster(visiting, c -> c.withNodes(c.nodes().stream()
            .map(n -> n.withServices(n.services().withExtensionMobility(false))).toList()));
      case CERTIFICATE_MISSING: {
        Set<String> homeTomcat = new HashSet<>();
        for (Cluster c : ws.clusters()) {
          if (!c.clusterId().equals(visiting)) {
            for (Node n : c.nodes()) {
              for (Certificate cert : n.certificates()) {
                if (cert.type() == CertificateType.TOMCAT || cert.type() == CertificateType.TOMCAT_ECDSA) {
                  homeTomcat.add(cert.sha256());
                }
              }
            }
          }
        }
        return ws.updateCluster(visiting, c -> c.withTrustStores(c.trustStores().withTomcatTrust(
            c.trustStores().tomcatTrust().stream().filter(f -> !homeTomcat.contains(f)).toList())));
      }
      case USER_EMCC_OFF:
        return home(ws, visiting, c -> c.withEndUsers(c.endUsers().stream()
            .map(u -> matches(u, a.userId()) ? u.withEnableEmcc(false) : u).toList()));
      case DUPLICATE_DEVICE_NAME: {
        Phone phone = ws.cluster(visiting).flatMap(c -> c.phones().stream()
            .filter(p -> p.name().equals(a.phone())).findFirst()).orElse(null);
        if (phone == null) {
          return ws;
        }
        return home(ws, visiting, c -> {
          List<Phone> phones = new ArrayList<>(c.phones());
          phones.add(phone.withSubscribedServices(List.of()));
          return c.withPhones(phones);
        });
      }
      case NO_FREE_EMCC_DEVICE:
        return home(ws, visiting, c -> c.withEmccDevices(new EmccDevices(c.emccDevices().defaultTemplate(), List.of())));
      case SECURITY_MODE:
        return home(ws.updateCluster(visiting, c -> c.withSecurityMode(SecurityMode.MIXED).withPhones(c.phones().stream()
            .map(p -> p.name().equals(a.phone()) ? p.withDeviceSecurityMode(DeviceSecurityMode.ENCRYPTED) : p).toList())),
            visiting, c -> c.withSecurityMode(SecurityMode.NON_SECURE));
      case VERSION_CHANGE:
        return home(ws, visiting, c -> c.withVersion("11.5"));
      default:
        return ws;
    }
  }

  private static boolean matches(EndUser u, String id) {
    return id != null && (id.equals(u.userId()) || id.equals(u.primaryExtension()) || id.equals(u.selfServiceUserId()));
  }

  private static Workspace home(Workspace ws, String visiting, java.util.function.UnaryOperator<Cluster> change) {
    Workspace out = ws;
    for (Cluster c : ws.clusters()) {
      if (!c.clusterId().equals(visiting)) {
        out = out.updateCluster(c.clusterId(), change);
      }
    }
    return out;
  }
}
