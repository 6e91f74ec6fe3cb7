package dev.emcc.axl;

import dev.emcc.model.Cluster;
import java.util.List;
import java.util.Map;

/**
 * A cluster as a pull read it, what it could not read (and why: the workspace's values were kept),
 * and the names the cluster gives the EMCC feature parameters the mapping names by assumption.
 *
 * @param featureNames each feature parameter's JSON key to the name the cluster knows it by, for
 *     those the pull read (a plan writes only these)
 */
public record AxlRead(Cluster cluster, List<Unread> unread, Map<String, String> featureNames) {
  /** What a pull may fail to read without failing. */
  public enum Part {
    EMCC_TEMPLATES, EMCC_DEVICES, DEFAULT_EMCC_TEMPLATE, FEATURE_PARAMETER_NAMES, FEATURE_PARAMETER,
    SERVICE_PARAMETER, NODE_SERVICES
  }

  /** One part not read: which, of what (a parameter, a node; "" for a whole part), and why. */
  public record Unread(Part part, String subject, String reason) {}

  public AxlRead {
    unread = List.copyOf(unread);
    featureNames = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(featureNames)); // form order
  }

  /** A cluster read whole, with the mapping's own names (tests, what is not a pull). */
  public static AxlRead whole(Cluster cluster) {
    return new AxlRead(cluster, List.of(), AxlMapping.get().featureParameters());
  }
}
