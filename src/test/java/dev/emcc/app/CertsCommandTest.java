package dev.emcc.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.certs.Openssl;
import dev.emcc.certs.TrainerSftpServer;
import dev.emcc.format.Json;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Certificate;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.model.NodeServices;
import dev.emcc.model.Workspace;
import dev.emcc.store.HistoryEntry;
import dev.emcc.store.WorkspaceStore;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certs commands end to end: a workspace file, a real SFTP server on 127.0.0.1. */
class CertsCommandTest {
  @TempDir Path temp;
  private TrainerSftpServer server;
  private Path ws;
  private Path passwordFile;
  private Path knownHosts;
  private String url;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void setUp() throws Exception {
    Path root = Files.createDirectories(temp.resolve("root"));
    Files.createDirectories(root.resolve("bulk"));
    server = TrainerSftpServer.start(new TrainerSftpServer.Config(root, "127.0.0.1", 0, "trainer", null, false));
    url = "sftp://trainer@127.0.0.1:" + server.port() + "/bulk";
    passwordFile = Files.writeString(temp.resolve("sftp-password"), new String(server.password()) + "\n");
    knownHosts = temp.resolve("known_hosts");
    ws = temp.resolve("ws.json");
    WorkspaceFormat.write(Workspace.of(List.of(cluster("TOKYO"), cluster("OSAKA"))), ws);
    Files.writeString(temp.resolve("ks-password"), "key-store-secret\n");
  }

  @AfterEach
  void tearDown() throws Exception {
    server.close();
  }

  private static Cluster cluster(String id) {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      nodes.add(new Node("cucm" + i + "." + id.toLowerCase() + ".example.com", "10.0." + id.length() + "." + i,
          i == 0, false, NodeServices.NONE.withCallManager(true).withTftp(i == 0), null));
    }
    return Cluster.empty(id, "14.0").withNodes(nodes);
  }

  private int run(String... args) {
    return CliRun.execute(out, err, args);
  }

  private String[] sftp(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--sftp", url, "--password-file", passwordFile.toString(),
        "--known-hosts", knownHosts.toString(), "--accept-host-key", server.hostKeyFingerprint()));
    return all.toArray(String[]::new);
  }

  private List<String> fingerprints(Cluster c, CertificateType type) {
    return c.nodes().stream().flatMap(n -> n.certificates().stream()).filter(x -> x.type() == type)
        .map(Certificate::sha256).toList();
  }

  @Test
  void generateExportConsolidateImport() throws Exception {
    for (String id : List.of("TOKYO", "OSAKA")) {
      assertThat(run("certs", "generate", "--cluster", id, "--workspace", ws.toString(),
          "--key-store", temp.resolve(id + "-keys.p12").toString(),
          "--key-store-password-file", temp.resolve("ks-password").toString())).isZero();
    }
    Workspace generated = WorkspaceFormat.read(ws);
    assertThat(generated.cluster("TOKYO").orElseThrow().nodes().get(0).certificates()).hasSize(8);
    assertThat(Files.readString(ws)).doesNotContain("PRIVATE KEY");

    assertThat(run(sftp("certs", "export", "--cluster", "TOKYO", "--workspace", ws.toString()))).isZero();
    assertThat(out.toString()).contains("Exported 16 certificates of TOKYO (all) to /bulk/TOKYO.export.p12");
    assertThat(run(sftp("certs", "export", "--cluster", "OSAKA", "--workspace", ws.toString(), "--json"))).isZero();
    assertThat(run(sftp("certs", "consolidate"))).isZero();
    assertThat(out.toString()).contains("Consolidated 32 certificates of 2 clusters (OSAKA, TOKYO)");
    out.getBuffer().setLength(0);
    assertThat(run(sftp("certs", "import", "--cluster", "TOKYO", "--workspace", ws.toString(), "--json"))).isZero();
    JsonNode result = Json.mapper().readTree(out.toString());
    assertThat(result.get("ownSkipped").asInt()).isEqualTo(16);
    assertThat(run(sftp("certs", "import", "--cluster", "OSAKA", "--workspace", ws.toString()))).isZero();
    assertThat(err.toString()).isEmpty();

    Workspace after = WorkspaceFormat.read(ws);
    Cluster tokyo = after.cluster("TOKYO").orElseThrow();
    Cluster osaka = after.cluster("OSAKA").orElseThrow();
    assertThat(tokyo.certificateExport().file()).isEqualTo("TOKYO.export.p12");
    assertThat(tokyo.trustStores().tomcatTrust()).containsExactlyInAnyOrderElementsOf(concat(
        fingerprints(osaka, CertificateType.TOMCAT), fingerprints(osaka, CertificateType.TOMCAT_ECDSA)));
    assertThat(tokyo.trustStores().callManagerTrust()).containsAll(fingerprints(osaka, CertificateType.CALL_MANAGER));
    assertThat(osaka.trustStores().tomcatTrust()).containsAll(fingerprints(tokyo, CertificateType.TOMCAT));
    assertThat(osaka.trustStores().callManagerTrust()).containsAll(fingerprints(tokyo, CertificateType.CALL_MANAGER));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Test
  void anUnknownHostKeyIsOneClearLineWithTheFingerprint() {
    int code = run("certs", "consolidate", "--sftp", url, "--password-file", passwordFile.toString(),
        "--known-hosts", knownHosts.toString());
    assertThat(code).isEqualTo(ExitCodes.IO);
    assertThat(err.toString().lines().toList()).singleElement().asString()
        .startsWith("emcc consolidate: error: The host key of 127.0.0.1:" + server.port() + " is not known yet")
        .contains(server.hostKeyFingerprint());
  }

  @Test
  void badInputIsExitTwo() {
    assertThat(run(sftp("certs", "export", "--cluster", "KYOTO", "--workspace", ws.toString()))).isEqualTo(2);
    assertThat(err.toString()).contains("no cluster 'KYOTO' in " + ws);
    err.getBuffer().setLength(0);
    assertThat(run(sftp("certs", "export", "--cluster", "TOKYO", "--db", temp.resolve("x.db").toString())))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no workspace database at " + temp.resolve("x.db"));
    err.getBuffer().setLength(0);
    assertThat(run("certs", "consolidate", "--sftp", "http://x/y", "--password-file", passwordFile.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("not an SFTP URL");
    err.getBuffer().setLength(0);
    assertThat(run(sftp("certs", "export", "--cluster", "TOKYO", "--workspace", ws.toString(), "--type", "bogus")))
        .isEqualTo(2);
    assertThat(err.toString()).contains("unknown certificate type 'bogus'");
  }

  @Test
  void exportWithoutCertificatesSaysSo() {
    assertThat(run(sftp("certs", "export", "--cluster", "TOKYO", "--workspace", ws.toString()))).isEqualTo(2);
    assertThat(err.toString()).contains("no certificate to export");
  }

  @Test
  void addReadsAPemFile() throws Exception {
    assertThat(run("certs", "generate", "--cluster", "OSAKA", "--type", "tomcat", "--workspace", ws.toString(),
        "--key-store", temp.resolve("keys.p12").toString(),
        "--key-store-password-file", temp.resolve("ks-password").toString())).isZero();
    Certificate osakaTomcat = WorkspaceFormat.read(ws).cluster("OSAKA").orElseThrow().nodes().get(0).certificates().get(0);
    Path pem = Files.writeString(temp.resolve("tomcat.pem"), osakaTomcat.pem());
    assertThat(run("certs", "add", "--cluster", "TOKYO", "--node", "cucm1.tokyo.example.com", "--type", "tomcat",
        "--file", pem.toString(), "--workspace", ws.toString())).isZero();
    Node node = WorkspaceFormat.read(ws).cluster("TOKYO").orElseThrow().node("cucm1.tokyo.example.com").orElseThrow();
    assertThat(node.certificates()).singleElement().satisfies(c -> {
      assertThat(c.sha256()).isEqualTo(osakaTomcat.sha256());
      assertThat(c.type()).isEqualTo(CertificateType.TOMCAT);
    });
    Path junk = Files.writeString(temp.resolve("junk.pem"), "hello");
    assertThat(run("certs", "add", "--cluster", "TOKYO", "--node", "cucm1.tokyo.example.com", "--type", "tomcat",
        "--file", junk.toString(), "--workspace", ws.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(junk + ": neither a PEM certificate nor a DER certificate");
  }

  @Test
  void consolidateAndImportSayPerFileWhatTheyTookAndLeft() throws Exception {
    for (String id : List.of("TOKYO", "OSAKA")) {
      assertThat(run("certs", "generate", "--cluster", id, "--type", "tomcat", "--workspace", ws.toString(),
          "--key-store", temp.resolve(id + "-keys.p12").toString(),
          "--key-store-password-file", temp.resolve("ks-password").toString())).isZero();
    }
    assertThat(run(sftp("certs", "export", "--cluster", "TOKYO", "--workspace", ws.toString()))).isZero();
    // OSAKA's export written by openssl: no friendly names, no JDK trust attribute, and a private key
    Cluster osaka = WorkspaceFormat.read(ws).cluster("OSAKA").orElseThrow();
    StringBuilder pem = new StringBuilder();
    osaka.nodes().forEach(n -> n.certificates().forEach(c -> pem.append(c.pem())));
    Path dir = Files.createDirectories(temp.resolve("openssl"));
    Files.writeString(dir.resolve("osaka.pem"), pem);
    java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(temp.resolve("OSAKA-keys.p12"))) {
      keys.load(in, "key-store-secret".toCharArray());
    }
    String alias = java.util.Collections.list(keys.aliases()).get(0);
    java.security.cert.X509Certificate keyed = (java.security.cert.X509Certificate) keys.getCertificate(alias);
    Files.writeString(dir.resolve("keyed.pem"), dev.emcc.certs.CertificateCodec.toPem(keyed));
    Files.writeString(dir.resolve("key.pem"), Openssl.pemKey(
        (java.security.PrivateKey) keys.getKey(alias, "key-store-secret".toCharArray())));
    Files.writeString(dir.resolve("osaka.pem"), Files.readString(dir.resolve("keyed.pem"))
        + pem.toString().replace(Files.readString(dir.resolve("keyed.pem")), ""));
    Openssl.run(dir, "pkcs12", "-export", "-in", "osaka.pem", "-inkey", "key.pem", "-out", "OSAKA.export.p12",
        "-passout", "pass:" + new String(server.password()));
    Path bulk = temp.resolve("root").resolve("bulk");
    Files.copy(dir.resolve("OSAKA.export.p12"), bulk.resolve("OSAKA.export.p12"));

    out.getBuffer().setLength(0);
    assertThat(run(sftp("certs", "consolidate"))).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).startsWith("Consolidated 4 certificates of 2 clusters (OSAKA, TOKYO)");
    assertThat(lines).contains("  OSAKA.export.p12: took 2 certificates (OSAKA), left 1 entries",
        "    took OSAKA/cucm0.osaka.example.com/tomcat (not named cluster/node/type in the file: node from its"
            + " subject CN, type from its subject OU, cluster from the file name)",
        "    left (an entry without a name): a private key; keys are never imported",
        "  TOKYO.export.p12: took 2 certificates (TOKYO), left 0 entries");
    out.getBuffer().setLength(0);
    assertThat(run(sftp("certs", "import", "--cluster", "TOKYO", "--workspace", ws.toString()))).isZero();
    assertThat(out.toString()).contains("Imported 2 certificates into the trust stores of TOKYO")
        .contains("  consolidated.p12: took 4 certificates (OSAKA, TOKYO), left 0 entries");
    assertThat(WorkspaceFormat.read(ws).cluster("TOKYO").orElseThrow().trustStores().tomcatTrust())
        .containsExactlyInAnyOrderElementsOf(fingerprints(osaka, CertificateType.TOMCAT));

    // a file that yields no certificate stops the consolidation and is named
    Openssl.run(dir, "pkcs12", "-export", "-nocerts", "-inkey", "key.pem", "-out", "KYOTO.export.p12",
        "-passout", "pass:" + new String(server.password()));
    Files.copy(dir.resolve("KYOTO.export.p12"), bulk.resolve("KYOTO.export.p12"));
    assertThat(run(sftp("certs", "consolidate"))).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("emcc consolidate: error: KYOTO.export.p12 yields no certificate to take:"
        + " left (an entry without a name): a private key; keys are never imported.");
  }

  @Test
  void theConsolesDatabaseIsEditedInOneUndoableChange() throws Exception {
    Path db = temp.resolve("workspace.db");
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      store.save(WorkspaceFormat.read(ws));
    }
    assertThat(run("certs", "generate", "--cluster", "OSAKA", "--type", "tomcat", "--db", db.toString(),
        "--key-store", temp.resolve("keys.p12").toString(),
        "--key-store-password-file", temp.resolve("ks-password").toString())).isZero();
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      assertThat(store.load().cluster("OSAKA").orElseThrow().nodes().get(0).certificates()).hasSize(1);
      assertThat(store.history(1)).extracting(HistoryEntry::summary).containsExactly("certs generate OSAKA");
      store.undoLast();
      assertThat(store.load().cluster("OSAKA").orElseThrow().nodes().get(0).certificates()).isEmpty();
    }
  }
}
