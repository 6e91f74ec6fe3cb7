package dev.emcc.catalog;

import dev.emcc.model.LinkLossType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audio codecs of an EMCC call: each codec's bit rate, the preference order for each EMCC
 * Region Link Loss Type, and the values EMCC Region Max Audio Bit Rate offers. One table for the
 * simulator (codec choice) and the validator (accepted bit rates).
 *
 * <p>The orders are CUCM's factory default audio codec preference lists restricted to these
 * codecs. Seed line 467: Low Loss and Lossy differ only in the order of G.722 and iSAC (G.722
 * first with Low Loss, iSAC first with Lossy).
 */
public final class AudioCodecs {
  private AudioCodecs() {}

  /** A codec and the bit rate it needs, in kbps. */
  public record Codec(String name, int kbps) {}

  private static final Codec G722 = new Codec("G.722", 64);
  private static final Codec ISAC = new Codec("iSAC", 32);
  private static final List<Codec> AFTER = List.of(new Codec("G.722.1", 24), new Codec("G.711", 64),
      new Codec("iLBC", 16), new Codec("G.728", 16), new Codec("G.729", 8));

  private static final List<Codec> LOW_LOSS = concat(List.of(G722, ISAC), AFTER);
  private static final List<Codec> LOSSY = concat(List.of(ISAC, G722), AFTER);

  /** Codecs CUCM names beside the 256 kbps value that no EMCC preference order uses. */
  private static final List<String> AT_256 = List.of("L16", "AAC-LD");

  /** The region bit rates CUCM offers, in kbps, lowest first (the model keeps the list). */
  private static final List<Integer> REGION_RATES = dev.emcc.model.EmccFeatureConfig.REGION_AUDIO_RATES_KBPS;

  /** Every codec of the preference orders, Low Loss order. */
  public static List<Codec> codecs() {
    return LOW_LOSS;
  }

  /** The preference order of a link loss type, every codec included. */
  public static List<Codec> order(LinkLossType loss) {
    return loss == LinkLossType.LOSSY ? LOSSY : LOW_LOSS;
  }

  /** The codecs that fit a max audio bit rate, best first for the link loss type. */
  public static List<String> preference(int maxAudioKbps, LinkLossType loss) {
    List<String> out = new ArrayList<>();
    for (Codec c : order(loss)) {
      if (c.kbps() <= maxAudioKbps) {
        out.add(c.name());
      }
    }
    return out;
  }

  /** True when CUCM offers this value for a region's max audio bit rate. */
  public static boolean isRegionRate(int kbps) {
    return REGION_RATES.contains(kbps);
  }

  /** The offered region bit rates as "8, 16, ..." for messages. */
  public static String regionRateList() {
    return String.join(", ", REGION_RATES.stream().map(String::valueOf).toList());
  }

  /** The offered region bit rates with the codecs CUCM names beside each ("16" - "iLBC, G.728"). */
  public static Map<Integer, String> regionRates() {
    Map<Integer, String> out = new LinkedHashMap<>();
    for (int rate : REGION_RATES) {
      out.put(rate, String.join(", ", codecsAt(rate)));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The codecs whose bit rate is exactly this value, empty for a value CUCM does not offer. */
  public static List<String> codecsAt(int kbps) {
    if (!isRegionRate(kbps)) {
      return List.of();
    }
    if (kbps == 256) {
      return AT_256;
    }
    return LOW_LOSS.stream().filter(c -> c.kbps() == kbps).map(Codec::name).toList();
  }

  private static List<Codec> concat(List<Codec> a, List<Codec> b) {
    List<Codec> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }
}
