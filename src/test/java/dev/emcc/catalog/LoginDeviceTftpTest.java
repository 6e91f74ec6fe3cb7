package dev.emcc.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.catalog.LoginDeviceTftp.Fault;
import dev.emcc.catalog.LoginDeviceTftp.Field;
import dev.emcc.catalog.LoginDeviceTftp.Problem;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Cluster;
import org.junit.jupiter.api.Test;

/** Code 39: the TFTP servers for EMCC login devices are set properly (the demo's TOKYO as the base). */
class LoginDeviceTftpTest {
  static final String PUB = "cucm-pub.tokyo.example.com";
  static final String SUB1 = "cucm-sub1.tokyo.example.com";
  static final String SUB2_NO_TFTP = "cucm-sub2.tokyo.example.com";

  static Cluster tokyo(String primary, String backup) {
    Cluster c = DemoWorkspace.create().cluster("TOKYO").orElseThrow();
    return c.withEmccFeatureConfig(c.emccFeatureConfig().withTftpServers(primary, backup));
  }

  @Test
  void nodesRunningTftpByNameOrAddressAreSetProperly() {
    assertThat(LoginDeviceTftp.faults(tokyo(PUB, SUB1))).isEmpty();
    assertThat(LoginDeviceTftp.faults(tokyo("10.1.0.10", null))).isEmpty();
    assertThat(LoginDeviceTftp.faults(tokyo("CUCM-PUB.tokyo.example.com ", "10.1.0.11"))).isEmpty();
  }

  @Test
  void aMissingDefaultIsNotSet() {
    assertThat(LoginDeviceTftp.faults(tokyo(null, SUB1))).containsExactly(new Fault(Field.DEFAULT, null, Problem.NOT_SET));
    assertThat(LoginDeviceTftp.faults(tokyo(" ", null))).containsExactly(new Fault(Field.DEFAULT, null, Problem.NOT_SET));
  }

  @Test
  void aServerNamingNoNodeOrANodeWithoutTftpIsNotSetProperly() {
    assertThat(LoginDeviceTftp.faults(tokyo("tftp.example.com", SUB1)))
        .containsExactly(new Fault(Field.DEFAULT, "tftp.example.com", Problem.UNKNOWN_NODE));
    assertThat(LoginDeviceTftp.faults(tokyo(PUB, SUB2_NO_TFTP)))
        .containsExactly(new Fault(Field.BACKUP, SUB2_NO_TFTP, Problem.TFTP_INACTIVE));
    assertThat(LoginDeviceTftp.faults(tokyo("10.9.9.9", "10.9.9.8"))).extracting(Fault::field)
        .containsExactly(Field.DEFAULT, Field.BACKUP);
    assertThat(Field.BACKUP.key()).isEqualTo("backupTftpServer");
  }
}
