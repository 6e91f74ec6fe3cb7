package dev.emcc.node;

import dev.emcc.format.DocumentException;
import dev.emcc.model.Cluster;
import dev.emcc.model.ClusterSettings;
import dev.emcc.model.Workspace;
import dev.emcc.rules.ConstraintRule;
import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.RuleContext;
import dev.emcc.schema.ClusterFields;
import dev.emcc.schema.Limits;
import dev.emcc.schema.Violation;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import java.util.List;
import java.util.Optional;

/**
 * The limits of the console's forms (the schema's), checked on every object a node is sent: a
 * value CUCM would not save is refused with its path, as a malformed one is.
 */
final class FormLimits {
  private static final String CLUSTER_PATH = "$.clusters[0]";

  private FormLimits() {}

  /** One object, read as its record: the first broken limit, at {@code pathPrefix} + its path. */
  static void check(ObjectKey key, Object value, String source, String pathPrefix) throws DocumentException {
    Window window = window(key).orElse(null);
    if (window == null) {
      return;
    }
    // the node's cluster is the id: its settings carry none (ObjectReader.read refuses one)
    List<Violation> broken = Limits.check(window, value).stream()
        .filter(v -> !(value instanceof ClusterSettings && v.field() == ClusterFields.CLUSTER_ID)).toList();
    if (!broken.isEmpty()) {
      Violation v = broken.get(0);
      throw new DocumentException(source, pathPrefix + "." + v.path(), 0, 0, v.text("en"));
    }
  }

  /** A whole cluster: the first broken limit, by its path in the cluster document. */
  static void check(Cluster cluster, String source) throws DocumentException {
    List<Diagnostic> broken = new ConstraintRule().check(Workspace.of(List.of(cluster)), RuleContext.standard());
    if (!broken.isEmpty()) {
      Diagnostic d = broken.get(0);
      throw new DocumentException(source, "$" + d.path().substring(CLUSTER_PATH.length()), 0, 0, d.message());
    }
  }

  /** The window whose objects a key names: a collection by its key, a setting by its name. */
  private static Optional<Window> window(ObjectKey key) {
    return ClusterObjects.collectionOf(key).flatMap(Windows::forCollection);
  }
}
