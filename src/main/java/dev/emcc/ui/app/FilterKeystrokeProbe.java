package dev.emcc.ui.app;

import dev.emcc.demo.WorkspaceGenerator;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.Workspace;
import dev.emcc.schema.CollectionBinding;
import dev.emcc.schema.Windows;
import dev.emcc.ui.forms.ListWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * For {@code emcc bench} (run in a child JVM): one keystroke in the device-profile list's filter,
 * i.e. {@code FilteredList.setPredicate} with the list window's own predicate over PROFILES
 * profiles, and the same predicate in a plain loop. Prints "EMCC-PROBE keystroke NANOS" and
 * "EMCC-PROBE plain NANOS" per run. Args: PROFILES RUNS.
 */
public final class FilterKeystrokeProbe {
  private FilterKeystrokeProbe() {}

  public static void main(String[] args) {
    int profiles = Integer.parseInt(args[0]);
    int runs = Integer.parseInt(args[1]);
    Workspace ws = WorkspaceGenerator.generate(0, profiles, Math.min(profiles, 2), 0, 2, 7);
    List<DeviceProfile> all = new ArrayList<>();
    ws.clusters().forEach(c -> all.addAll(c.deviceProfiles()));
    @SuppressWarnings("unchecked")
    CollectionBinding<DeviceProfile> binding =
        (CollectionBinding<DeviceProfile>) Windows.DEVICE_PROFILE.binding();
    ObservableList<DeviceProfile> items = FXCollections.observableArrayList(all);
    FilteredList<DeviceProfile> filtered = new FilteredList<>(items);
    // typing the end of a real name: the first keystrokes match many profiles, later ones few
    String name = all.get(all.size() / 2).name();
    String typed = name.substring(Math.max(0, name.length() - 4));
    int warmups = 20;
    int shown = 0;
    for (int run = -warmups; run < runs; run++) {
      String text = typed.substring(0, 1 + Math.floorMod(run, typed.length()));
      Predicate<DeviceProfile> p = ListWindow.filterPredicate(binding, text);
      long t0 = System.nanoTime();
      filtered.setPredicate(p);
      shown = filtered.size();
      long keystroke = System.nanoTime() - t0;
      long t1 = System.nanoTime();
      List<DeviceProfile> plain = new ArrayList<>();
      for (DeviceProfile d : all) {
        if (p.test(d)) {
          plain.add(d);
        }
      }
      long loop = System.nanoTime() - t1;
      if (plain.size() != shown) {
        throw new IllegalStateException("the filtered list shows " + shown + ", the loop found " + plain.size());
      }
      if (run >= 0) {
        System.out.println("EMCC-PROBE keystroke " + keystroke);
        System.out.println("EMCC-PROBE plain " + loop);
      }
    }
    System.out.println("EMCC-PROBE profiles " + all.size() + " shown " + shown);
  }
}
