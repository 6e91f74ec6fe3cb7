package dev.emcc.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.DeviceSecurityMode;
import dev.emcc.model.LinkLossType;
import dev.emcc.model.SecurityMode;
import dev.emcc.sim.EmccError;
import dev.emcc.sim.Wire;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire records cross the XML unchanged: empty lists stay empty, nulls stay null, markup is escaped. */
class WireXmlTest {

  @Test
  void aHomeLoginAnswerCrossesTheXmlUnchanged() throws Exception {
    Wire.HomeLoginAnswer a = new Wire.HomeLoginAnswer("TOKYO", EmccError.service(33),
        List.of(new Wire.TracedStep("a", "b", "x < y & \"z\"", false, "home.freeEmccDevice", "日本語")),
        List.of(), List.of(), "alice", null, null, null, null, List.of("G.711", "G.729"));
    String xml = "<response>" + WireXml.write("homeLoginAnswer", a) + "</response>";
    Wire.HomeLoginAnswer back = WireXml.read(EmXml.child(EmXml.parse(xml), "homeLoginAnswer"),
        Wire.HomeLoginAnswer.class);
    assertThat(back).isEqualTo(a);
  }

  @Test
  void aHomeLoginRequestCrossesTheXmlUnchanged() throws Exception {
    Wire.HomeLoginRequest r = new Wire.HomeLoginRequest("OSAKA", "14.0", SecurityMode.MIXED, "cucm-pub.osaka",
        "10.2.0.10", "SEP00AABBCC0201", "Cisco 8865", DeviceSecurityMode.NON_SECURE, null, "DN", "1001", "24680",
        new Wire.Region(64, 384, LinkLossType.LOSSY), true);
    String xml = WireXml.write("emccHomeLogin", r);
    assertThat(WireXml.read(EmXml.parse(xml), Wire.HomeLoginRequest.class)).isEqualTo(r);
  }
}
