package dev.emcc.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.LinkLossType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Codec preference by region bit rate and link loss type, and the offered region bit rates. */
class AudioCodecsTest {

  @Test
  void eightKilobitsAdmitOnlyG729() {
    assertThat(AudioCodecs.preference(8, LinkLossType.LOW_LOSS)).containsExactly("G.729");
    assertThat(AudioCodecs.preference(8, LinkLossType.LOSSY)).containsExactly("G.729");
  }

  @Test
  void higherRatesAdmitWidebandCodecs() {
    assertThat(AudioCodecs.preference(16, LinkLossType.LOW_LOSS)).containsExactly("iLBC", "G.728", "G.729");
    assertThat(AudioCodecs.preference(24, LinkLossType.LOW_LOSS)).containsExactly("G.722.1", "iLBC", "G.728", "G.729");
    assertThat(AudioCodecs.preference(32, LinkLossType.LOW_LOSS)).contains("iSAC").doesNotContain("G.722", "G.711");
    assertThat(AudioCodecs.preference(64, LinkLossType.LOW_LOSS))
        .containsExactly("G.722", "iSAC", "G.722.1", "G.711", "iLBC", "G.728", "G.729");
  }

  @Test
  void lowLossPrefersG722OverIsacAndLossyTheReverse() {
    assertThat(AudioCodecs.preference(64, LinkLossType.LOW_LOSS).get(0)).isEqualTo("G.722");
    assertThat(AudioCodecs.preference(64, LinkLossType.LOSSY).get(0)).isEqualTo("iSAC");
  }

  /** Seed line 467: the only difference between the two orders is G.722 against iSAC. */
  @Test
  void lossyDiffersFromLowLossOnlyInTheOrderOfG722AndIsac() {
    for (int rate : List.of(8, 16, 24, 32, 48, 64, 256)) {
      List<String> low = AudioCodecs.preference(rate, LinkLossType.LOW_LOSS);
      List<String> lossy = new ArrayList<>(AudioCodecs.preference(rate, LinkLossType.LOSSY));
      int g722 = lossy.indexOf("G.722");
      int isac = lossy.indexOf("iSAC");
      if (g722 >= 0 && isac >= 0) {
        Collections.swap(lossy, g722, isac);
      }
      assertThat(lossy).as("%d kbps", rate).isEqualTo(low);
    }
  }

  @Test
  void belowEightKilobitsNoCodecFits() {
    assertThat(AudioCodecs.preference(4, LinkLossType.LOW_LOSS)).isEmpty();
  }

  /** The codecs named beside each region rate are those whose bit rate it is: one table for both. */
  @Test
  void regionRatesNameTheCodecsOfTheirBitRate() {
    assertThat(AudioCodecs.regionRates()).containsExactly(
        java.util.Map.entry(8, "G.729"), java.util.Map.entry(16, "iLBC, G.728"),
        java.util.Map.entry(24, "G.722.1"), java.util.Map.entry(32, "iSAC"),
        java.util.Map.entry(64, "G.722, G.711"), java.util.Map.entry(256, "L16, AAC-LD"));
    for (AudioCodecs.Codec c : AudioCodecs.codecs()) {
      assertThat(AudioCodecs.codecsAt(c.kbps())).as(c.name()).contains(c.name());
    }
    assertThat(AudioCodecs.isRegionRate(8)).isTrue();
    assertThat(AudioCodecs.isRegionRate(12)).isFalse();
    assertThat(AudioCodecs.codecsAt(12)).isEmpty();
  }

  /** The form offers the region rates by name: its option texts say the codecs this table says. */
  @Test
  void theFormsOptionTextsNameTheCodecsOfEachRate() throws Exception {
    for (String lang : new String[] {"", "_ja"}) {
      java.util.Properties p = new java.util.Properties();
      try (var in = AudioCodecsTest.class.getResourceAsStream("/dev/emcc/schema/messages" + lang + ".properties")) {
        p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      }
      AudioCodecs.regionRates().forEach((rate, codecs) ->
          assertThat(p.getProperty("opt." + rate)).as(lang + " " + rate).isEqualTo(rate + " kbps (" + codecs + ")"));
    }
    assertThat(dev.emcc.schema.EmccFeatureConfigFields.REGION_MAX_AUDIO_BIT_RATE.options())
        .containsExactlyElementsOf(AudioCodecs.regionRates().keySet().stream().map(String::valueOf).toList());
  }
}
