package dev.emcc.ui;

import dev.emcc.ui.errors.ProblemsView;
import dev.emcc.ui.forms.CollectionBinding;
import dev.emcc.ui.forms.EmccDevicesView;
import dev.emcc.ui.forms.FormSpec;
import dev.emcc.ui.forms.FormSpecs;
import dev.emcc.ui.forms.ListWindow;
import dev.emcc.ui.forms.PhoneFeatureListView;
import dev.emcc.ui.forms.SingletonWindow;
import dev.emcc.ui.shell.Shell;
import dev.emcc.ui.shell.View;
import java.util.ArrayList;
import java.util.List;

/** Every view of the console by window id: the form-spec windows and the special views. */
public final class Views implements Shell.ViewFactory {
  private static final List<String> SPECIAL = List.of("emccDevices", "phoneFeatureList", "problems", "errorLookup", "restrictions", "checklist", "clusterPicture", "certificates", "sync", "simulator");

  /** The ids the screenshot command accepts. */
  public static List<String> ids() {
    List<String> ids = new ArrayList<>();
    ids.add("shell");
    ids.addAll(FormSpecs.all().keySet());
    ids.addAll(SPECIAL);
    ids.addAll(dev.emcc.ui.certs.BulkWizards.SCREENSHOTS);
    return ids;
  }

  @Override
  public View create(String window, UiContext ctx, Shell shell) {
    switch (window) {
      case "emccDevices":
        return new EmccDevicesView(ctx, shell);
      case "phoneFeatureList":
        return new PhoneFeatureListView(ctx, shell);
      case "problems":
        return new ProblemsView(ctx, shell);
      case "clusterPicture":
        return new dev.emcc.ui.picture.ClusterPictureView(ctx, shell);
      case "checklist":
        return new dev.emcc.ui.checklist.ChecklistView(ctx, shell);
      case "certificates":
        return new dev.emcc.ui.certs.CertificatesView(ctx, shell);
      case "simulator":
        return new dev.emcc.ui.simulator.SimulatorView(ctx, shell);
      case "errorLookup":
        return new dev.emcc.ui.errors.ErrorLookupView(ctx);
      case "restrictions":
        return new dev.emcc.ui.help.RestrictionsView(ctx, shell);
      case "sync":
        return new dev.emcc.ui.sync.SyncView(ctx, shell);
      case "remoteCluster":
        return new dev.emcc.ui.sync.RemoteClusterWindow(FormSpecs.get(window).orElseThrow(), ctx, shell);
      default:
        break;
    }
    FormSpec spec = FormSpecs.get(window).orElse(null);
    if (spec == null) {
      return null;
    }
    return spec.binding() instanceof CollectionBinding<?> ? new ListWindow<>(spec, ctx) : new SingletonWindow<>(spec, ctx);
  }
}
