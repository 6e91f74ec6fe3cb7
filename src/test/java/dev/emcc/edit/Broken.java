package dev.emcc.edit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.Json;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;

/** Workspaces the validation rules find fault with, made from a good one. */
public final class Broken {
  private Broken() {}

  /** TOKYO's MaxPhones 0: below the schema's range (field.range) and under its phones (emcc.capacity): errors. */
  public static Workspace withErrors(Workspace ws) {
    return ws.updateCluster("TOKYO", c -> c.withMaxPhones(0));
  }

  /** TOKYO's first device profile of a product type the catalog does not know: a warning. */
  public static Workspace withWarning(Workspace ws) throws Exception {
    ObjectNode tree = (ObjectNode) Json.mapper().readTree(WorkspaceFormat.toJson(ws));
    ObjectNode profile = (ObjectNode) tree.get("clusters").get(0).get("deviceProfiles").get(0);
    profile.put("productType", "Cisco 9999");
    return WorkspaceFormat.read(tree.toString(), "warning");
  }
}
