package dev.emcc.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.Cluster;
import dev.emcc.wire.ObjectKey;
import java.util.Map;

/** What a scan of a file or a database found, held against the cluster read whole. */
final class ScannedObjects {
  private ScannedObjects() {}

  /** The same keys, digests and values as the cluster's objects made from its records. */
  static void assertSameAsTheWholeCluster(Map<ObjectKey, LocalObjects.Local> scanned, Cluster c) {
    Map<ObjectKey, LocalObjects.Local> full = LocalObjects.uncached(c);
    assertThat(scanned.keySet()).isEqualTo(full.keySet());
    full.forEach((k, l) -> {
      assertThat(scanned.get(k).digest()).as(k.toString()).isEqualTo(l.digest());
      assertThat(scanned.get(k).value()).as(k.toString()).isEqualTo(l.value());
    });
  }
}
