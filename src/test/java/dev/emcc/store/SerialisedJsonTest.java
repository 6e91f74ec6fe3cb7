package dev.emcc.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.ClusterCollection;
import dev.emcc.model.Cluster;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerialisedJsonTest {
  @Test
  void givesEveryObjectsJsonInItsPlaceWhateverThreadSerialisedIt() throws Exception {
    Workspace ws = StoreFixtures.generated(2 * SerialisedJson.CHUNK + 7, 0, 0, 0);
    List<Phone> phones = ws.cluster("TOKYO").map(Cluster::phones).orElseThrow();
    SerialisedJson json = new SerialisedJson(Collections.nCopies(phones.size(), ClusterCollection.PHONES), phones);
    assertThat(json.size()).isEqualTo(phones.size());
    // Asked for from the last chunk back: chunks are taken over from the pool or awaited.
    List<String> got = new ArrayList<>();
    for (int i = phones.size() - 1; i >= 0; i--) {
      got.add(0, new String(json.bytes(i), java.nio.charset.StandardCharsets.UTF_8));
    }
    for (int i = 0; i < phones.size(); i++) {
      assertThat(got.get(i)).isEqualTo(RowCodecs.writer(ClusterCollection.PHONES).writeValueAsString(phones.get(i)));
    }
  }
}
