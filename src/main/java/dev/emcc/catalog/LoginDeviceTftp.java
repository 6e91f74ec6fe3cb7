package dev.emcc.catalog;

import dev.emcc.model.Cluster;
import dev.emcc.model.EmccFeatureConfig;
import dev.emcc.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Code 39 (seed line 692): the Default and Backup TFTP Server for EMCC Login Device of the home
 * cluster are "not set properly". The reading taken: the default must be set; each server that is
 * set (the backup is optional) must name a node of the cluster, by host name or address (seed
 * table 2: "the computer name or IP address"), with Cisco Tftp activated on it. The simulator's
 * check and the validator's prediction both ask this class.
 */
public final class LoginDeviceTftp {
  private LoginDeviceTftp() {}

  /** Which server of the EMCC Feature Configuration window. */
  public enum Field {
    DEFAULT("defaultTftpServer"),
    BACKUP("backupTftpServer");

    private final String key;

    Field(String key) {
      this.key = key;
    }

    /** The field's key in the workspace document ({@code emccFeatureConfig.<key>}). */
    public String key() {
      return key;
    }
  }

  /** Why a server is not set properly. */
  public enum Problem {
    /** The default server is not set. */
    NOT_SET,
    /** The value names no node of the cluster. */
    UNKNOWN_NODE,
    /** The node named does not run Cisco Tftp. */
    TFTP_INACTIVE
  }

  /** One server that is not set properly: which field, its value (null when not set), why. */
  public record Fault(Field field, String value, Problem problem) {}

  /** The servers of a cluster that are not set properly, the default first; empty when both are fine. */
  public static List<Fault> faults(Cluster cluster) {
    EmccFeatureConfig f = cluster.emccFeatureConfig();
    List<Fault> out = new ArrayList<>();
    if (blank(f.defaultTftpServer())) {
      out.add(new Fault(Field.DEFAULT, null, Problem.NOT_SET));
    } else {
      problem(cluster, f.defaultTftpServer()).ifPresent(p -> out.add(new Fault(Field.DEFAULT, f.defaultTftpServer(), p)));
    }
    if (!blank(f.backupTftpServer())) {
      problem(cluster, f.backupTftpServer()).ifPresent(p -> out.add(new Fault(Field.BACKUP, f.backupTftpServer(), p)));
    }
    return List.copyOf(out);
  }

  /** What is wrong with one server value that is set, if anything. */
  public static Optional<Problem> problem(Cluster cluster, String value) {
    Optional<Node> node = cluster.node(value == null ? null : value.trim());
    if (node.isEmpty()) {
      return Optional.of(Problem.UNKNOWN_NODE);
    }
    return node.get().services().tftp() ? Optional.empty() : Optional.of(Problem.TFTP_INACTIVE);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
