package dev.emcc.ui.app;

import dev.emcc.schema.CollectionBinding;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.errors.ProblemsView;
import dev.emcc.ui.forms.EmccDevicesView;
import dev.emcc.ui.forms.ListWindow;
import dev.emcc.ui.forms.PhoneFeatureListView;
import dev.emcc.ui.forms.SingletonWindow;
import dev.emcc.ui.shell.Shell;
import dev.emcc.ui.shell.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every view of the console by window id: the schema's form windows and the views of their own. */
public final class Views implements Shell.ViewFactory {
  private interface Factory {
    View create(UiContext ctx, Shell shell);
  }

  private static final Map<String, Factory> OWN = Map.ofEntries(
      Map.entry(Windows.EMCC_DEVICES.id(), EmccDevicesView::new),
      Map.entry(Windows.PHONE_FEATURE_LIST.id(), PhoneFeatureListView::new),
      Map.entry(Windows.PROBLEMS.id(), ProblemsView::new),
      Map.entry(Windows.CLUSTER_PICTURE.id(), dev.emcc.ui.picture.ClusterPictureView::new),
      Map.entry(Windows.CHECKLIST.id(), dev.emcc.ui.checklist.ChecklistView::new),
      Map.entry(Windows.CERTIFICATES.id(), dev.emcc.ui.certs.CertificatesView::new),
      Map.entry(Windows.SIMULATOR.id(), (ctx, shell) -> new dev.emcc.ui.simulator.SimulatorView(ctx, shell,
          () -> dev.emcc.sync.NodesFile.load(dev.emcc.ui.sync.SyncPaths.current().nodesFile()).nodes())),
      Map.entry(Windows.ERROR_LOOKUP.id(), (ctx, shell) -> new dev.emcc.ui.errors.ErrorLookupView(ctx)),
      Map.entry(Windows.RESTRICTIONS.id(), dev.emcc.ui.help.RestrictionsView::new),
      Map.entry(Windows.SYNC.id(), dev.emcc.ui.sync.SyncView::new),
      Map.entry(Windows.REMOTE_CLUSTER.id(), (ctx, shell) -> new dev.emcc.ui.sync.RemoteClusterWindow(Windows.REMOTE_CLUSTER, ctx, shell)));

  /** The ids the screenshot command accepts. */
  public static List<String> ids() {
    List<String> ids = new ArrayList<>();
    ids.add("shell");
    ids.add(Shell.START);
    Windows.ALL.forEach(w -> ids.add(w.id()));
    ids.addAll(dev.emcc.ui.certs.BulkWizards.SCREENSHOTS);
    return ids;
  }

  @Override
  public void openWizard(String which, UiContext ctx) {
    dev.emcc.ui.certs.BulkWizards.show(which, ctx);
  }

  @Override
  public View create(String id, UiContext ctx, Shell shell) {
    if (Shell.START.equals(id)) {
      return new dev.emcc.ui.start.StartView(ctx, shell);
    }
    Window window = Windows.get(id).orElse(null);
    if (window == null) {
      return null;
    }
    Factory own = OWN.get(id);
    if (own != null) {
      return own.create(ctx, shell);
    }
    if (window.binding() == null) {
      return null;
    }
    if (window == Windows.PHONE) {
      // the visiting Phone window's Extension Mobility Log Out (seed line 547), run in the simulator's session
      ListWindow<?> phones = new ListWindow<>(window, ctx);
      phones.addAction("phone.logOut", "phone-log-out", "phone.logOut.tip", phone -> {
        dev.emcc.ui.simulator.SimulatorView sim = (dev.emcc.ui.simulator.SimulatorView) shell.open(Windows.SIMULATOR.id());
        sim.phoneWindowLogout(ctx.cluster().clusterId(), phone);
      });
      return phones;
    }
    return window.binding() instanceof CollectionBinding<?> ? new ListWindow<>(window, ctx)
        : new SingletonWindow<>(window, ctx);
  }
}
