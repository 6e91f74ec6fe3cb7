package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.schema.PhoneFields;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Restrictions table: the same phone (device name) is never configured in two clusters, or the
 * login fails with duplicate device error 37 (device.duplicateAcrossClusters). The later cluster's
 * phone is reported. EMCC dummy devices (EMCC1, ...) exist in every cluster by design.
 */
public final class DuplicateDeviceRule implements Rule {
  public static final String ID = "device.duplicateAcrossClusters";

  private static final Map<String, Set<Integer>> PREDICTIONS = Map.of(ID, Set.of(37));

  @Override
  public Map<String, Set<Integer>> predictions() {
    return PREDICTIONS;
  }

  @Override
  public List<Diagnostic> check(Workspace workspace, RuleContext context) {
    Findings out = new Findings();
    List<Cluster> clusters = workspace.clusters();
    int total = clusters.stream().mapToInt(cl -> cl.phones().size()).sum();
    Map<String, Integer> owner = new HashMap<>(total * 2);
    for (int c = 0; c < clusters.size(); c++) {
      Cluster cl = clusters.get(c);
      for (int i = 0; i < cl.phones().size(); i++) {
        String name = cl.phones().get(i).name();
        if (name == null || name.isBlank()) {
          continue;
        }
        Integer first = owner.putIfAbsent(name.toUpperCase(Locale.ROOT), c);
        if (first != null && first != c) {
          out.error(ID, cl.clusterId(), Paths.item(c, "phones", i, "name"), 37,
              Fix.at(PhoneFields.NAME, name), name, clusters.get(first).clusterId());
        }
      }
    }
    return out.list();
  }
}
