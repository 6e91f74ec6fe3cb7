package dev.emcc.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.format.Json;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one list of a cluster's parts agrees with the Cluster record, and puts parts back exactly. */
class ClusterCollectionTest {
  private static final Cluster TOKYO = DemoWorkspace.create().cluster(DemoWorkspace.TOKYO).orElseThrow();

  @Test
  void everyPartButTheSettingsIsAComponentOfTheClusterInDocumentOrder() {
    List<String> components = Arrays.stream(Cluster.class.getRecordComponents()).map(RecordComponent::getName)
        .filter(n -> !List.of("clusterId", "version", "securityMode", "maxPhones").contains(n)).toList();
    List<String> keys = ClusterCollection.ALL.stream().map(ClusterCollection::key)
        .filter(k -> !k.equals(ClusterCollection.CLUSTER.key())).toList();
    assertThat(keys).isEqualTo(components);
    assertThat(ClusterCollection.ALL.get(0)).isSameAs(ClusterCollection.CLUSTER);
    for (ClusterCollection<?> c : ClusterCollection.ALL) {
      assertThat(ClusterCollection.byKey(c.key())).containsSame(c);
      if (c != ClusterCollection.CLUSTER) {
        RecordComponent rc = Arrays.stream(Cluster.class.getRecordComponents())
            .filter(r -> r.getName().equals(c.key())).findFirst().orElseThrow();
        assertThat(rc.getType()).isEqualTo(c.singleton() ? c.type() : List.class);
      }
    }
    assertThat(ClusterCollection.byKey("nothing")).isEmpty();
  }

  @Test
  void eachPartPutBackIsTheSameClusterAndAChangedOneIsWhatItsWitherMakes() {
    for (ClusterCollection<?> c : ClusterCollection.ALL) {
      assertThat(roundTrip(c, TOKYO)).as(c.key()).isEqualTo(TOKYO);
    }
    List<Phone> fewer = TOKYO.phones().subList(0, 1);
    assertThat(TOKYO.with(ClusterCollection.PHONES, fewer)).isEqualTo(TOKYO.withPhones(fewer));
    assertThat(TOKYO.with(ClusterCollection.PHONES, fewer).phones()).isEqualTo(fewer);
    assertThat(TOKYO.with(ClusterCollection.PHONES, fewer).deviceProfiles()).isEqualTo(TOKYO.deviceProfiles());
    // a single object put back as none is its default, as in a fresh cluster
    assertThat(TOKYO.with(ClusterCollection.TRUST_STORES, List.of()).trustStores()).isEqualTo(TrustStores.EMPTY);
    assertThat(TOKYO.with(ClusterCollection.CERTIFICATE_EXPORT, List.of()).certificateExport()).isNull();
    // the cluster's own settings: everything but the id, which identifies the cluster
    Cluster renamed = TOKYO.with(ClusterCollection.CLUSTER, List.of(new ClusterSettings("OTHER", "15.0", null, 100)));
    assertThat(renamed.clusterId()).isEqualTo(TOKYO.clusterId());
    assertThat(renamed.version()).isEqualTo("15.0");
    assertThat(renamed.securityMode()).isEqualTo(SecurityMode.NON_SECURE);
    assertThat(renamed.maxPhones()).isEqualTo(100);
  }

  private static <T> Cluster roundTrip(ClusterCollection<T> c, Cluster cluster) {
    return c.with(cluster, new ArrayList<>(c.items(cluster)));
  }

  @Test
  void aListsNamesAreItsIdFieldInTheDocument() {
    // the demo has no device models of its own: one so that every list has objects to name
    Cluster full = TOKYO.withDeviceModels(List.of(new DeviceModel("Cisco 8865", null, true, null)));
    for (ClusterCollection<?> c : ClusterCollection.ALL) {
      assertThat(c.singleton()).as(c.key()).isEqualTo(c.idField() == null);
      if (!c.singleton()) {
        assertThat(names(c, full)).as(c.key()).isNotEmpty();
      }
    }
    assertThat(ClusterCollection.CLUSTER.nameOf(ClusterSettings.of(TOKYO))).isEmpty();
    assertThat(ClusterCollection.CERTIFICATE_EXPORT.onNodes()).isFalse();
    assertThat(ClusterCollection.ALL.stream().filter(c -> !c.onNodes())).containsExactly(
        ClusterCollection.CERTIFICATE_EXPORT);
  }

  /** Each object's name, checked against its JSON's id field. */
  private static <T> List<String> names(ClusterCollection<T> c, Cluster cluster) {
    List<String> out = new ArrayList<>();
    for (T item : c.items(cluster)) {
      JsonNode json = Json.mapper().valueToTree(item);
      assertThat(json.get(c.idField()).asText()).isEqualTo(c.nameOf(item));
      out.add(c.nameOf(item));
    }
    return out;
  }

  @Test
  void theSettingsAsANodeServesThemHaveNoId() {
    JsonNode json = Json.mapper().valueToTree(ClusterSettings.of(TOKYO).withoutId());
    assertThat(json.fieldNames()).toIterable().containsExactly("version", "securityMode", "maxPhones");
    JsonNode stored = Json.mapper().valueToTree(ClusterSettings.of(TOKYO));
    assertThat(stored.fieldNames()).toIterable().containsExactly("clusterId", "version", "securityMode", "maxPhones");
  }
}
