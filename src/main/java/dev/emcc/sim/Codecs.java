package dev.emcc.sim;

import dev.emcc.model.LinkLossType;
import java.util.ArrayList;
import java.util.List;

/**
 * Codec preference of an EMCC call from the EMCC region parameters. A codec is admitted when its
 * bit rate fits the region's max audio bit rate (8 kbps admits G.729 only; 16 adds iLBC and
 * G.728; 24 G.722.1; 32 iSAC; 64 G.722 and G.711). Low Loss prefers G.722 over iSAC, Lossy the
 * reverse (and puts the loss-resilient iLBC before the wideband G.722 family).
 */
final class Codecs {
  private Codecs() {}

  private record Codec(String name, int kbps) {}

  private static final List<Codec> LOW_LOSS = List.of(
      new Codec("G.722", 64), new Codec("G.722.1", 24), new Codec("iSAC", 32), new Codec("iLBC", 16),
      new Codec("G.711", 64), new Codec("G.728", 16), new Codec("G.729", 8));
  private static final List<Codec> LOSSY = List.of(
      new Codec("iSAC", 32), new Codec("iLBC", 16), new Codec("G.722", 64), new Codec("G.722.1", 24),
      new Codec("G.711", 64), new Codec("G.728", 16), new Codec("G.729", 8));

  static List<String> preference(int maxAudioKbps, LinkLossType loss) {
    List<String> out = new ArrayList<>();
    for (Codec c : loss == LinkLossType.LOSSY ? LOSSY : LOW_LOSS) {
      if (c.kbps() <= maxAudioKbps) {
        out.add(c.name());
      }
    }
    return out;
  }
}
