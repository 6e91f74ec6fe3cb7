package dev.emcc.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.node.Fixtures;
import dev.emcc.node.Listeners;
import dev.emcc.node.RunningNode;
import dev.emcc.node.ServerLimits;
import dev.emcc.node.TestNodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code emcc emapi send}: a trainer's EM API document against a real node, the exchange printed whole. */
class EmApiCommandTest {
  @TempDir
  Path dir;
  RunningNode node;
  Path login;

  @BeforeEach
  void start() throws Exception {
    node = RunningNode.start(dir.resolve("node"), new Listeners("127.0.0.1", 0, 0), ServerLimits.DEFAULTS,
        Fixtures.cluster("TOKYO", "OSAKA", 2), new TestNodes.Log());
    Fixtures.emapiUser(node);
    login = dir.resolve("login.xml");
    Files.writeString(login, "<request><appInfo><appID>emapi</appID><appCertificate>emapi-demo</appCertificate>"
        + "</appInfo>\n<login><deviceName>" + Fixtures.phoneName("TOKYO", 0) + "</deviceName><userID>alice</userID>"
        + "<exclusiveDuration><time>60</time></exclusiveDuration></login></request>\n");
  }

  @AfterEach
  void stop() throws Exception {
    node.close();
  }

  @Test
  void sendsAFormOverHttpsAndPrintsTheExchange() {
    CliRun r = CliRun.of("emapi", "send", login.toString(), "--node", "https://127.0.0.1:" + node.port(),
        "--fingerprint", node.identity().fingerprint());
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("> POST /emservice/EMServiceServlet HTTP/1.1")
        .contains("> Content-Type: application/x-www-form-urlencoded")
        .contains("> xml=%3Crequest%3E%3CappInfo%3E%3CappID%3Eemapi%3C%2FappID%3E")
        .contains("< HTTP/1.1 200")
        .contains("< <response><success/></response>")
        .contains("EM API: success.");
    assertThat(node.server().emService().sessions()).hasSize(1);
  }

  @Test
  void aFailureIsExplainedFromTheErrorCatalog() throws Exception {
    Files.writeString(login, Files.readString(login).replace("emapi-demo", "wrong"));
    CliRun r = CliRun.of("emapi", "send", login.toString(), "--node", "http://127.0.0.1:" + node.httpPort(), "--raw");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.out()).contains("> Content-Type: text/xml; charset=utf-8")
        .contains("> <request><appInfo><appID>emapi</appID>")
        .contains("<error code=\"3\">Could not authenticate 'emapi'</error>")
        .contains("EM API: failure, code 3: Could not authenticate 'emapi'")
        .contains("Invalid App User");
    assertThat(node.server().emService().sessions()).isEmpty();
  }

  @Test
  void anHttpsNodeNeedsItsFingerprintAndAWrongOneIsRefused() {
    CliRun none = CliRun.of("emapi", "send", login.toString(), "--node", "https://127.0.0.1:" + node.port(),
        "--nodes-file", dir.resolve("nodes.json").toString());
    assertThat(none.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(none.err()).contains("--fingerprint");
    CliRun wrong = CliRun.of("emapi", "send", login.toString(), "--node", "https://127.0.0.1:" + node.port(),
        "--fingerprint", "00".repeat(32));
    assertThat(wrong.code()).isEqualTo(ExitCodes.IO);
    assertThat(node.server().emService().sessions()).isEmpty();
    CliRun badUrl = CliRun.of("emapi", "send", login.toString(), "--node", "ftp://x");
    assertThat(badUrl.code()).isEqualTo(ExitCodes.BAD_INPUT);
    CliRun noFile = CliRun.of("emapi", "send", dir.resolve("nope.xml").toString(), "--node", "http://127.0.0.1:1");
    assertThat(noFile.code()).isEqualTo(ExitCodes.BAD_INPUT);
  }
}
