package dev.emcc.ui.shell;

import dev.emcc.ui.kit.I18n;
import java.util.Optional;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/** The navigation tree, mirroring the CUCM menus where each EMCC window lives (reference §2). */
public final class NavTree {
  private final TreeView<NavEntry> tree = new TreeView<>();

  public NavTree(I18n i18n) {
    TreeItem<NavEntry> root = new TreeItem<>(new NavEntry("app.title", null));
    root.getChildren().addAll(
        menu("nav.serviceability",
            menu("nav.tools", leaf("serviceActivation")),
            menu("nav.reports", leaf("phoneFeatureList"))),
        menu("nav.cmAdmin",
            menu("nav.system", leaf("cluster"), leaf("emServiceParameters"), leaf("geolocation"),
                leaf("geolocationFilter"), leaf("devicePool")),
            menu("nav.device",
                leaf("phone"), leaf("sipTrunk"),
                menu("nav.deviceSettings", leaf("phoneService"), leaf("deviceProfile"),
                    leaf("commonDeviceConfig"))),
            menu("nav.userManagement", leaf("endUser")),
            menu("nav.bulkAdministration",
                menu("nav.bulkEmcc", leaf("emccTemplate"), leaf("emccDevices"))),
            menu("nav.advancedFeatures",
                leaf("remoteCluster"),
                menu("nav.advancedEmcc", leaf("emccFeatureConfig"), leaf("interclusterServiceProfile")))),
        menu("nav.osAdmin", menu("nav.security", leaf("certificates"))),
        menu("nav.console", leaf("checklist"), leaf("clusterPicture"), leaf("problems"), leaf("errorLookup"), leaf("restrictions"),
            leaf("deviceModel"),
            leaf("sync")),
        menu("nav.training", leaf("simulator")));
    tree.setRoot(root);
    tree.setShowRoot(false);
    tree.setId("nav");
    tree.setCellFactory(t -> new TreeCell<>() {
      @Override protected void updateItem(NavEntry item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : i18n.text(item.labelKey()));
        setId(empty || item == null || item.window() == null ? null : "nav-" + item.window());
      }
    });
    i18n.localeProperty().addListener((o, a, b) -> tree.refresh());
  }

  @SafeVarargs
  private static TreeItem<NavEntry> menu(String key, TreeItem<NavEntry>... children) {
    TreeItem<NavEntry> item = new TreeItem<>(new NavEntry(key, null));
    item.getChildren().addAll(children);
    item.setExpanded(true);
    return item;
  }

  private static TreeItem<NavEntry> leaf(String window) {
    return new TreeItem<>(new NavEntry("window." + window, window));
  }

  public TreeView<NavEntry> view() {
    return tree;
  }

  /** Selects a window's entry (when the window was opened by other means). */
  public void select(String window) {
    find(tree.getRoot(), window).ifPresent(i -> tree.getSelectionModel().select(i));
  }

  /** Every window of the tree, in tree order (what the global search offers). */
  public java.util.List<String> windows() {
    java.util.List<String> out = new java.util.ArrayList<>();
    collect(tree.getRoot(), out);
    return out;
  }

  private static void collect(TreeItem<NavEntry> item, java.util.List<String> out) {
    if (item.getValue().window() != null) {
      out.add(item.getValue().window());
    }
    for (TreeItem<NavEntry> c : item.getChildren()) {
      collect(c, out);
    }
  }

  private Optional<TreeItem<NavEntry>> find(TreeItem<NavEntry> item, String window) {
    if (window.equals(item.getValue().window())) {
      return Optional.of(item);
    }
    for (TreeItem<NavEntry> c : item.getChildren()) {
      Optional<TreeItem<NavEntry>> f = find(c, window);
      if (f.isPresent()) {
        return f;
      }
    }
    return Optional.empty();
  }
}
