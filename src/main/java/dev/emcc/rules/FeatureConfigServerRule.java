package dev.emcc.rules;

import dev.emcc.catalog.LoginDeviceTftp;
import dev.emcc.model.Cluster;
import dev.emcc.model.EmccFeatureConfig;
import dev.emcc.model.Node;
import dev.emcc.model.Workspace;
import dev.emcc.schema.EmccFeatureConfigFields;
import dev.emcc.schema.Field;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.Map;
import java.util.Set;

/**
 * Seed table 2, the servers of the EMCC Feature Configuration window: the Default TFTP Server for
 * EMCC Login Device is set (emcc.tftpServerMissing, 39) and it and the backup name nodes of this
 * cluster that run Cisco Tftp (emcc.tftpServer, 39: {@link LoginDeviceTftp}, as the simulator
 * reads "not set properly"); the remote-cluster-update servers name nodes
 * with Cisco Extension Mobility active (emcc.updateServer; unset default: emcc.updateServerMissing,
 * warning); a backup differs from its default (emcc.backupSameAsDefault, warning); the EMCC
 * geolocation filter is set (emcc.geolocationFilterMissing, warning: no roaming device pool).
 */
public final class FeatureConfigServerRule extends ClusterRule {
  public static final String TFTP_MISSING = "emcc.tftpServerMissing";
  public static final String TFTP = "emcc.tftpServer";
  public static final String UPDATE_MISSING = "emcc.updateServerMissing";
  public static final String UPDATE = "emcc.updateServer";
  public static final String SAME_BACKUP = "emcc.backupSameAsDefault";
  public static final String GEO_FILTER_MISSING = "emcc.geolocationFilterMissing";

  private static final Map<String, Set<Integer>> PREDICTIONS = Map.of(TFTP_MISSING, Set.of(39), TFTP, Set.of(39));

  @Override
  public Map<String, Set<Integer>> predictions() {
    return PREDICTIONS;
  }

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    String id = cl.clusterId();
    EmccFeatureConfig f = cl.emccFeatureConfig();
    // 39: the reading the simulator shares (catalog.LoginDeviceTftp)
    for (LoginDeviceTftp.Fault t : LoginDeviceTftp.faults(cl)) {
      Field field = t.field() == LoginDeviceTftp.Field.DEFAULT
          ? EmccFeatureConfigFields.DEFAULT_TFTP_SERVER : EmccFeatureConfigFields.BACKUP_TFTP_SERVER;
      String path = Paths.of(c, "emccFeatureConfig." + field.key());
      switch (t.problem()) {
        case NOT_SET -> out.error(TFTP_MISSING, id, path, 39, fix(field), id);
        case UNKNOWN_NODE -> out.add(Severity.ERROR, TFTP, TFTP + ".unknown", id, path, 39, fix(field), t.value(), id);
        case TFTP_INACTIVE -> out.add(Severity.ERROR, TFTP, TFTP + ".inactive", id, path, 39, fix(field), t.value());
      }
    }
    if (!Blank.is(f.backupTftpServer())) {
      same(out, cl, c, f.defaultTftpServer(), f.backupTftpServer(), EmccFeatureConfigFields.BACKUP_TFTP_SERVER);
    }
    if (Blank.is(f.remoteClusterUpdateDefaultServer())) {
      out.warning(UPDATE_MISSING, id, Paths.of(c, "emccFeatureConfig.remoteClusterUpdateDefaultServer"), null,
          fix(EmccFeatureConfigFields.REMOTE_CLUSTER_UPDATE_DEFAULT_SERVER), id);
    } else {
      server(out, cl, c, f.remoteClusterUpdateDefaultServer(), EmccFeatureConfigFields.REMOTE_CLUSTER_UPDATE_DEFAULT_SERVER, UPDATE,
          s -> s.services().extensionMobility());
    }
    if (!Blank.is(f.remoteClusterUpdateBackupServer())) {
      server(out, cl, c, f.remoteClusterUpdateBackupServer(), EmccFeatureConfigFields.REMOTE_CLUSTER_UPDATE_BACKUP_SERVER, UPDATE,
          s -> s.services().extensionMobility());
      same(out, cl, c, f.remoteClusterUpdateDefaultServer(), f.remoteClusterUpdateBackupServer(),
          EmccFeatureConfigFields.REMOTE_CLUSTER_UPDATE_BACKUP_SERVER);
    }
    if (Blank.is(f.geolocationFilter())) {
      out.warning(GEO_FILTER_MISSING, id, Paths.of(c, "emccFeatureConfig.geolocationFilter"), null,
          fix(EmccFeatureConfigFields.GEOLOCATION_FILTER), id);
    }
  }

  private static void server(Findings out, Cluster cl, int c, String name, Field field, String rule,
      Predicate<Node> runs) {
    Node node = cl.node(name).orElse(null);
    String path = Paths.of(c, "emccFeatureConfig." + field.key());
    if (node == null) {
      out.add(Severity.ERROR, rule, rule + ".unknown", cl.clusterId(), path, null, fix(field), name, cl.clusterId());
    } else if (!runs.test(node)) {
      out.add(Severity.ERROR, rule, rule + ".inactive", cl.clusterId(), path, null, fix(field), name);
    }
  }

  private static void same(Findings out, Cluster cl, int c, String primary, String backup, Field field) {
    if (primary == null) {
      return;
    }
    Node a = cl.node(primary).orElse(null);
    Node b = cl.node(backup).orElse(null);
    boolean same = a != null ? a == b : primary.trim().toLowerCase(Locale.ROOT).equals(backup.trim().toLowerCase(Locale.ROOT));
    if (same) {
      out.warning(SAME_BACKUP, cl.clusterId(), Paths.of(c, "emccFeatureConfig." + field.key()), null, fix(field), backup);
    }
  }

  private static Fix fix(Field field) {
    return Fix.at(field, null);
  }
}
