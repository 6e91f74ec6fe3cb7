package dev.emcc.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Seed line 456: a new remote cluster's services follow "Enable All Remote Cluster Services ...". */
class RemoteClusterAddedTest {

  static EmccFeatureConfig enableAll(boolean on) {
    return new EmccFeatureConfig(null, null, null, on, null, null, null, null, null, null, null, null, null);
  }

  @Test
  void theDefaultFalseAddsTheEntryWithEveryServiceOff() {
    assertThat(EmccFeatureConfig.DEFAULTS.enableAllRemoteClusterServicesOnAdd()).isFalse();
    RemoteCluster r = RemoteCluster.added("TOKYO", "cucm-pub.tokyo.example.com", "Tokyo", EmccFeatureConfig.DEFAULTS);
    assertThat(r.services()).isEqualTo(RemoteServices.NONE);
    assertThat(r.status()).isNull();
    assertThat(r.clusterId()).isEqualTo("TOKYO");
  }

  @Test
  void trueAddsTheEntryWithTheRemoteClusterServicesOnAndTftpOff() {
    RemoteCluster r = RemoteCluster.added("TOKYO", "cucm-pub.tokyo.example.com", "Tokyo", enableAll(true));
    assertThat(r.services().emcc()).isTrue();
    assertThat(r.services().pstnAccess()).isTrue();
    assertThat(r.services().rsvpAgent()).isTrue();
    assertThat(r.services().tftp()).isFalse();
  }

  @Test
  void aClusterAddsTheEntryWithItsOwnFeatureParameter() {
    Cluster c = Cluster.empty("OSAKA", "14.0").withEmccFeatureConfig(enableAll(true))
        .withRemoteClusterAdded("TOKYO", "cucm-pub.tokyo.example.com", "Tokyo");
    assertThat(c.remoteCluster("TOKYO")).hasValueSatisfying(r -> assertThat(r.services().emcc()).isTrue());
    Cluster off = Cluster.empty("OSAKA", "14.0").withRemoteClusterAdded("TOKYO", "cucm-pub.tokyo.example.com", null);
    assertThat(off.remoteCluster("TOKYO")).hasValueSatisfying(r -> assertThat(r.services()).isEqualTo(RemoteServices.NONE));
  }
}
