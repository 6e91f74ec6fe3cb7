package dev.emcc.certs;

import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.model.DevicePool;
import dev.emcc.model.Node;
import dev.emcc.model.Phone;
import dev.emcc.model.TrustStores;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Bulk Certificate Import does to one cluster, computed without side effects: the new trust
 * stores and the phones that will restart.
 *
 * <p>Trust mapping (seed, "Import certificates into the cluster"): CAPF to CallManager-trust;
 * Tomcat and Tomcat-ECDSA to Tomcat-trust; CallManager and CallManager-ECDSA to CallManager-trust
 * and Phone-SAST-trust; ITLRecovery to Phone-SAST-trust and CallManager-trust. TFTP and TVS are
 * named by no trust store in the seed: they go into none (TVS still decides restarts).
 * {@code capfTrust} is left alone: the seed puts a remote CAPF certificate in CallManager-trust,
 * and CAPF-trust holds the certificates that sign the cluster's own phones (LSCs), which a bulk
 * import never touches.
 *
 * <p>Own certificates: Unified CM imports every certificate of the consolidated file, its own
 * included (harmless there, they are trusted already). Here a cluster's own certificates (by
 * cluster id or by fingerprint of one of its nodes' certificates) are skipped, so its trust
 * stores list remote trust only and a "remote certificate missing" check stays meaningful.
 *
 * <p>Restarts (seed, note on the import): the phones restart after every import, decided by the
 * remote certificates the file holds, whether or not they were already trusted. CallManager
 * (and CallManager-ECDSA): all phones, when the TFTP service runs on a node of this cluster, the
 * node whose CallManager-trust (and so its ITL file) takes the certificate. TVS: the phones of
 * device pools whose CallManager group holds a node of this cluster that runs CallManager (TVS
 * runs beside it). CAPF: all phones, when CAPF is active on a node of this cluster.
 */
public final class TrustImport {
  /** Why a phone restarts. */
  public enum RestartReason { CALL_MANAGER, TVS, CAPF }

  /** A phone that will restart and why. */
  public record PhoneRestart(String phone, Set<RestartReason> reasons) {
    public PhoneRestart {
      reasons = Set.copyOf(reasons);
    }
  }

  /** The outcome: new stores, what was added, what was left out and why, the restarts. */
  public record Result(
      TrustStores trustStores,
      List<BundleAlias> added,
      int alreadyTrusted,
      List<BundleAlias> ownSkipped,
      List<BundleAlias> notMapped,
      List<PhoneRestart> restarts) {
    public Result {
      added = List.copyOf(added);
      ownSkipped = List.copyOf(ownSkipped);
      notMapped = List.copyOf(notMapped);
      restarts = List.copyOf(restarts);
    }

    public Cluster applyTo(Cluster cluster) {
      return cluster.withTrustStores(trustStores);
    }
  }

  private enum Store { CALL_MANAGER, TOMCAT, PHONE_SAST }

  private TrustImport() {}

  /** The trust stores a certificate type goes into (empty for TFTP and TVS). */
  public static Set<String> storesOf(CertificateType type) {
    Set<String> out = new LinkedHashSet<>();
    for (Store s : stores(type)) {
      out.add(switch (s) {
        case CALL_MANAGER -> "callManagerTrust";
        case TOMCAT -> "tomcatTrust";
        case PHONE_SAST -> "phoneSastTrust";
      });
    }
    return out;
  }

  private static Set<Store> stores(CertificateType type) {
    return switch (type) {
      case CAPF -> EnumSet.of(Store.CALL_MANAGER);
      case TOMCAT, TOMCAT_ECDSA -> EnumSet.of(Store.TOMCAT);
      case CALL_MANAGER, CALL_MANAGER_ECDSA, ITL_RECOVERY -> EnumSet.of(Store.CALL_MANAGER, Store.PHONE_SAST);
      case TFTP, TVS -> EnumSet.noneOf(Store.class);
    };
  }

  public static Result compute(Cluster target, CertificateBundle bundle) {
    Set<String> own = new HashSet<>();
    for (Node n : target.nodes()) {
      n.certificates().forEach(c -> {
        if (c.sha256() != null) {
          own.add(c.sha256());
        }
      });
    }
    TrustStores current = target.trustStores();
    Map<Store, LinkedHashSet<String>> stores = new LinkedHashMap<>();
    stores.put(Store.CALL_MANAGER, new LinkedHashSet<>(current.callManagerTrust()));
    stores.put(Store.TOMCAT, new LinkedHashSet<>(current.tomcatTrust()));
    stores.put(Store.PHONE_SAST, new LinkedHashSet<>(current.phoneSastTrust()));

    List<BundleAlias> added = new ArrayList<>();
    List<BundleAlias> ownSkipped = new ArrayList<>();
    List<BundleAlias> notMapped = new ArrayList<>();
    Set<CertificateType> remoteTypes = EnumSet.noneOf(CertificateType.class);
    int already = 0;
    for (CertificateBundle.Entry e : CertificateBundle.sorted(bundle.entries())) {
      String sha = e.sha256();
      if (e.alias().clusterId().equalsIgnoreCase(target.clusterId()) || own.contains(sha)) {
        ownSkipped.add(e.alias());
        continue;
      }
      remoteTypes.add(e.alias().type());
      Set<Store> into = stores(e.alias().type());
      if (into.isEmpty()) {
        notMapped.add(e.alias());
        continue;
      }
      boolean changed = false;
      for (Store s : into) {
        changed |= stores.get(s).add(sha);
      }
      if (changed) {
        added.add(e.alias());
      } else {
        already++;
      }
    }
    TrustStores next = new TrustStores(List.copyOf(stores.get(Store.CALL_MANAGER)),
        List.copyOf(stores.get(Store.TOMCAT)), List.copyOf(stores.get(Store.PHONE_SAST)), current.capfTrust());
    return new Result(next, added, already, ownSkipped, notMapped, restarts(target, remoteTypes));
  }

  static List<PhoneRestart> restarts(Cluster target, Set<CertificateType> remoteTypes) {
    boolean callManager = (remoteTypes.contains(CertificateType.CALL_MANAGER)
        || remoteTypes.contains(CertificateType.CALL_MANAGER_ECDSA))
        && target.nodes().stream().anyMatch(n -> n.services().tftp());
    boolean capf = remoteTypes.contains(CertificateType.CAPF)
        && target.nodes().stream().anyMatch(n -> n.services().capf());
    boolean tvs = remoteTypes.contains(CertificateType.TVS);
    List<PhoneRestart> out = new ArrayList<>();
    for (Phone phone : target.phones()) {
      Set<RestartReason> reasons = EnumSet.noneOf(RestartReason.class);
      if (callManager) {
        reasons.add(RestartReason.CALL_MANAGER);
      }
      if (capf) {
        reasons.add(RestartReason.CAPF);
      }
      if (tvs && inTvsGroup(target, phone)) {
        reasons.add(RestartReason.TVS);
      }
      if (!reasons.isEmpty()) {
        out.add(new PhoneRestart(phone.name(), reasons));
      }
    }
    return out;
  }

  private static boolean inTvsGroup(Cluster target, Phone phone) {
    Optional<DevicePool> pool = target.devicePool(phone.devicePool());
    if (pool.isEmpty()) {
      return false;
    }
    for (String member : pool.get().callManagerGroup()) {
      Optional<Node> node = target.node(member);
      if (node.isPresent() && node.get().services().callManager()) {
        return true;
      }
    }
    return false;
  }
}
