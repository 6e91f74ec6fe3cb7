package dev.emcc.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.emcc.certs.CertificateCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other people's EM API clients (../shared/peers, see its README) run as their users run them
 * against a node on 127.0.0.1, changing only what their own header or README says a user sets
 * (host, port, credentials, input file) and trusting the node's certificate the way their
 * libraries do: the Python script logs users in from a CSV (system python3 with Debian's
 * python3-requests, {@code REQUESTS_CA_BUNDLE}); the Node.js script logs everyone out with
 * {@code logoutAll} ({@code npm ci --offline} in a temporary copy, from the npm cache that
 * {@code .ci/run} fills, so the test itself talks only to 127.0.0.1). A missing tool fails the
 * test and says what to install; nothing is skipped.
 */
class EmApiPeersTest {
  static final Path PEERS = locatePeers();
  static final String PYTHON = "/usr/bin/python3";

  @TempDir
  Path dir;
  RunningNode node;
  Path pem;

  static Path locatePeers() {
    String configured = System.getProperty("emcc.peers");
    for (Path p : new Path[] {configured == null ? null : Paths.get(configured), Paths.get("../shared/peers"),
        Paths.get("/work/shared/peers")}) {
      if (p != null && Files.isDirectory(p.resolve("em-api-python"))) {
        return p.toAbsolutePath().normalize();
      }
    }
    return null;
  }

  @BeforeEach
  void start() throws Exception {
    if (PEERS == null) {
      fail("the peers are missing: ../shared/peers (or -Demcc.peers=DIR) must hold em-api-python and em-api-node");
    }
    node = TestNodes.start(dir.resolve("node"), Fixtures.cluster("TOKYO", "OSAKA", 6));
    Fixtures.emapiUser(node);
    pem = dir.resolve("node.pem");
    Files.writeString(pem, CertificateCodec.toPem(node.identity().certificate()));
  }

  @AfterEach
  void stop() throws Exception {
    node.close();
  }

  record Run(int exit, String output) {}

  static Run run(Path workDir, Map<String, String> env, List<String> removeEnv, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    removeEnv.forEach(pb.environment()::remove);
    pb.environment().putAll(env);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new AssertionError(command[0] + " cannot be started (" + e.getMessage() + "): install it "
          + "(.ci/run does: python3 python3-requests nodejs npm)", e);
    }
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in 5 minutes");
    }
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /** A writable copy of a peer's folder (the peers are read-only). */
  Path copy(String peer) throws IOException {
    Path from = PEERS.resolve(peer);
    Path to = dir.resolve(peer);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(f -> !f.toString().contains("node_modules")).toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.write(target, Files.readAllBytes(f));
        }
      }
    }
    return to;
  }

  @Test
  void thePythonScriptLogsUsersInFromItsCsv() throws Exception {
    Run probe = run(dir, Map.of(), List.of(), PYTHON, "-c", "import requests");
    assertThat(probe.exit()).as("%s with Debian's python3-requests is needed (apt-get install python3-requests): %s",
        PYTHON, probe.output()).isZero();
    Path work = copy("em-api-python");
    Path script = work.resolve("em_api_remote_login.py");
    // what the script's header says a user sets: the host, the port in the URL, the proxy user
    String source = Files.readString(script);
    String configured = replaceOnce(replaceOnce(replaceOnce(replaceOnce(source,
        "host = \"https://cucm1\"", "host = \"https://127.0.0.1\""),
        "em_url = \":8443/emservice/EMServiceServlet\"", "em_url = \":" + node.port() + "/emservice/EMServiceServlet\""),
        "proxy_user = \"username\"", "proxy_user = \"emapi\""),
        "proxy_pass = \"password\"", "proxy_pass = \"emapi-demo\"");
    Files.writeString(script, configured);
    // its input: a header line, then mac,profile,uid, no trailing empty line
    String p0 = Fixtures.phoneName("TOKYO", 0);
    String p1 = Fixtures.phoneName("TOKYO", 1);
    Files.writeString(work.resolve("login.csv"), "mac,profile,uid\n" + p0 + ",UDP_alice,alice\n" + p1 + ",UDP_alice,bob");

    Run r = run(work, Map.of("REQUESTS_CA_BUNDLE", pem.toString()), List.of("CURL_CA_BUNDLE"), PYTHON,
        "em_api_remote_login.py");
    System.out.println("--- em_api_remote_login.py against https://127.0.0.1:" + node.port() + " ---\n" + r.output());
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output().split("<response><success/></response>", -1)).hasSize(3);
    var sessions = node.server().emService().sessions();
    assertThat(sessions).extracting(EmService.Session::deviceName, EmService.Session::userId,
        EmService.Session::deviceProfile, EmService.Session::until)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(p0, "alice", "UDP_alice", null),
            org.assertj.core.groups.Tuple.tuple(p1, "bob", "UDP_alice", null));
  }

  @Test
  void theNodeScriptLogsEveryoneOut() throws Exception {
    Run npmVersion = run(dir, Map.of(), List.of(), "npm", "--version");
    assertThat(npmVersion.exit()).as("Node.js and npm are needed (apt-get install nodejs npm): %s", npmVersion.output())
        .isZero();
    // three users logged in through the EM API first
    EmApiClient api = EmApiClient.https(node);
    String app = EmXml.appInfo("emapi", "emapi-demo");
    for (int i = 0; i < 2; i++) {
      assertThat(api.form(EmXml.login(app, Fixtures.phoneName("TOKYO", i), i == 0 ? "alice" : "bob", null, 60)).body())
          .isEqualTo("<response><success/></response>");
    }
    assertThat(node.server().emService().sessions()).hasSize(2);

    Path work = copy("em-api-node");
    Run ci = run(work, Map.of(), List.of(), "npm", "ci", "--offline", "--no-audit", "--no-fund");
    assertThat(ci.exit()).as("npm ci --offline in a copy of em-api-node (.ci/run fills the npm cache with "
        + "its packages first): %s", ci.output()).isZero();
    // the settings its README names, in .env; HOSTNAME must not come from the shell (dotenv keeps what is set)
    Files.writeString(work.resolve(".env"), "EMUSERNAME=emapi\nEMPASSWORD=emapi-demo\nHOSTNAME=127.0.0.1\nPORTNUMBER="
        + node.port() + "\n");
    Run r = run(work, Map.of("NODE_EXTRA_CA_CERTS", pem.toString()), List.of("HOSTNAME", "EMUSERNAME", "EMPASSWORD",
        "PORTNUMBER"), "node", "logoutEMUsers.js");
    System.out.println("--- logoutEMUsers.js against https://127.0.0.1:" + node.port() + " ---\n" + r.output());
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("Response from the EM service was: 200")
        .contains("Body of response xml document:<response><success/></response>");
    assertThat(node.server().emService().sessions()).isEmpty();
  }

  static String replaceOnce(String s, String from, String to) {
    int at = s.indexOf(from);
    assertThat(at).as("the peer's line %s (has the peer changed?)", from).isNotNegative();
    assertThat(s.indexOf(from, at + 1)).as("%s once", from).isNegative();
    return s.substring(0, at) + to + s.substring(at + from.length());
  }
}
