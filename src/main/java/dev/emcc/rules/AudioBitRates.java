package dev.emcc.rules;

import java.util.Map;
import java.util.TreeMap;

/**
 * The values CUCM offers for EMCC Region Max Audio Bit Rate (the region bit-rate list), with the
 * codecs each admits. The seed names the default, 8 kbps (G.729).
 */
public final class AudioBitRates {
  private static final Map<Integer, String> CODECS = new TreeMap<>(Map.of(
      8, "G.729",
      16, "G.728, iSAC",
      24, "G.722.1",
      32, "iLBC, G.722.1, iSAC",
      64, "G.722, G.711",
      256, "L16, AAC-LD"));

  private AudioBitRates() {}

  public static boolean isValid(int kbps) {
    return CODECS.containsKey(kbps);
  }

  /** The valid values as "8, 16, ..." for messages. */
  public static String list() {
    return String.join(", ", CODECS.keySet().stream().map(String::valueOf).toList());
  }

  /** Codecs admitted at this rate, empty for an invalid one. */
  public static String codecs(int kbps) {
    return CODECS.getOrDefault(kbps, "");
  }
}
