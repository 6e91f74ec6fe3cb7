package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeatureConfigServerRuleTest extends RuleTestSupport {
  private static final String PUB = "cucm-pub.tokyo.example.com";
  private static final String SUB1 = "cucm-sub1.tokyo.example.com";
  private static final String SUB2_NO_TFTP = "cucm-sub2.tokyo.example.com";

  Rule rule() {
    return new FeatureConfigServerRule();
  }

  @Test
  void defaultTftpServerNotSet() {
    var ws = first(c -> c.withEmccFeatureConfig(c.emccFeatureConfig().withTftpServers(null, SUB1)));
    only(ws, "emcc.tftpServerMissing", "$.clusters[0].emccFeatureConfig.defaultTftpServer", 39, Severity.ERROR);
  }

  @Test
  void tftpServerWithoutTftpService() {
    var ws = first(c -> c.withEmccFeatureConfig(c.emccFeatureConfig().withTftpServers(PUB, SUB2_NO_TFTP)));
    only(ws, "emcc.tftpServer", "$.clusters[0].emccFeatureConfig.backupTftpServer", 39, Severity.ERROR);
  }

  @Test
  void tftpServerNotANode() {
    var ws = first(c -> c.withEmccFeatureConfig(c.emccFeatureConfig().withTftpServers("10.9.9.9", SUB1)));
    Diagnostic d = only(ws, "emcc.tftpServer", "$.clusters[0].emccFeatureConfig.defaultTftpServer", 39,
        Severity.ERROR);
    assertThat(d.message()).contains("10.9.9.9");
  }

  @Test
  void tftpServerByAddressIsFine() {
    var ws = first(c -> c.withEmccFeatureConfig(c.emccFeatureConfig().withTftpServers("10.1.0.10", SUB1)));
    assertThat(Fixtures.all(ws)).isEmpty();
  }

  @Test
  void backupSameAsDefault() {
    var ws = first(c -> c.withEmccFeatureConfig(c.emccFeatureConfig().withTftpServers(PUB, "10.1.0.10")));
    only(ws, "emcc.backupSameAsDefault", "$.clusters[0].emccFeatureConfig.backupTftpServer", null, Severity.WARNING);
  }

  @Test
  void remoteClusterUpdateServerWithoutExtensionMobility() {
    var ws = first(c -> c.withNodes(Fixtures.replace(c.nodes(), 1,
        n -> n.withServices(n.services().withExtensionMobility(false)))));
    only(ws, "emcc.updateServer", "$.clusters[0].emccFeatureConfig.remoteClusterUpdateBackupServer", null,
        Severity.ERROR);
  }

  @Test
  void remoteClusterUpdateServerNotSet() {
    var ws = first(c -> c.withEmccFeatureConfig(c.emccFeatureConfig().withRemoteClusterUpdateServers(null, null)));
    only(ws, "emcc.updateServerMissing", "$.clusters[0].emccFeatureConfig.remoteClusterUpdateDefaultServer", null,
        Severity.WARNING);
  }

  @Test
  void geolocationFilterNotSet() {
    var ws = first(c -> c.withEmccFeatureConfig(c.emccFeatureConfig().withGeolocationFilter(null)));
    only(ws, "emcc.geolocationFilterMissing", "$.clusters[0].emccFeatureConfig.geolocationFilter", null,
        Severity.WARNING);
  }
}
