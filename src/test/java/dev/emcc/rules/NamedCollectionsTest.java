package dev.emcc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.DeviceModel;
import dev.emcc.model.Protocol;
import dev.emcc.model.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every collection's naming field is checked by both rules that walk the collections: a copy of
 * the first object is a repeated name (field.unique), a copy with the field blank is a missing
 * one (field.required).
 */
class NamedCollectionsTest {
  private static final Map<String, String> NAMING = Map.ofEntries(
      Map.entry("nodes", "name"), Map.entry("phoneServices", "name"), Map.entry("deviceProfiles", "name"),
      Map.entry("endUsers", "userId"), Map.entry("phones", "name"), Map.entry("commonDeviceConfigs", "name"),
      Map.entry("emccTemplates", "name"), Map.entry("geolocations", "name"), Map.entry("geolocationFilters", "name"),
      Map.entry("devicePools", "name"), Map.entry("sipTrunks", "name"), Map.entry("remoteClusters", "clusterId"),
      Map.entry("deviceModels", "name"));

  @Test
  void everyNamedCollectionIsWalkedByBothRules() throws Exception {
    // the demo has no workspace device models: one of its own, the built-in 8865's twin
    Workspace baseline = Fixtures.first(c -> c.withDeviceModels(
        List.of(new DeviceModel("Cisco 8865 Lab", List.of(Protocol.SIP), true, List.of()))));
    JsonNode tree = WorkspaceFormat.toTree(baseline);
    ObjectNode cluster = (ObjectNode) tree.get("clusters").get(0);
    for (Map.Entry<String, String> e : NAMING.entrySet()) {
      ArrayNode items = (ArrayNode) cluster.get(e.getKey());
      assertThat(items).as(e.getKey()).isNotEmpty();
      int n = items.size();
      items.add(items.get(0).deepCopy());
      items.add(((ObjectNode) items.get(0).deepCopy()).put(e.getValue(), ""));
      List<String> required = paths(new ConstraintRule(), tree);
      List<String> unique = paths(new UniqueNameRule(), tree);
      String prefix = "$.clusters[0]." + e.getKey();
      assertThat(unique).as(e.getKey()).contains(prefix + "[" + n + "]." + e.getValue());
      assertThat(required).as(e.getKey()).contains(prefix + "[" + (n + 1) + "]." + e.getValue());
      items.remove(n + 1);
      items.remove(n);
    }
  }

  private static List<String> paths(Rule rule, JsonNode tree) throws Exception {
    Workspace ws = WorkspaceFormat.read(tree.toString(), "test");
    return Fixtures.run(rule, ws).stream().map(Diagnostic::path).toList();
  }
}
