package dev.emcc.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EMCC (dummy) devices of a cluster (Bulk Administration > EMCC > Insert/Update EMCC) and the
 * default EMCC template they use. Devices are named EMCC1, EMCC2, ...
 */
public record EmccDevices(String defaultTemplate, List<String> names) {
  public static final EmccDevices NONE = new EmccDevices(null, null);
  private static final Pattern NUMBERED = Pattern.compile("EMCC(\\d+)");

  public EmccDevices {
    names = Defaults.list(names);
  }

  /** The highest number used in a device name EMCC&lt;n&gt;, 0 when none. */
  public int lastNumberUsed() {
    int last = 0;
    for (String n : names) {
      Matcher m = NUMBERED.matcher(n);
      if (m.matches() && m.group(1).length() < 10) {
        last = Math.max(last, Integer.parseInt(m.group(1)));
      }
    }
    return last;
  }

  /** Inserts {@code count} devices numbered after the last number used, as CUCM's BAT does. */
  public EmccDevices insert(int count) {
    List<String> next = new ArrayList<>(names);
    int from = lastNumberUsed();
    for (int i = 1; i <= count; i++) {
      next.add("EMCC" + (from + i));
    }
    return new EmccDevices(defaultTemplate, next);
  }

  public EmccDevices withDefaultTemplate(String template) {
    return new EmccDevices(template, names);
  }
}
