package dev.emcc.bench;

/**
 * How big and how often: the full run is the workspace of issue 7 (40,000 phones, 10,000 EMCC
 * devices, 40,000 device profiles, 20,000 users in 2 clusters); quick is small enough for a test.
 */
public record BenchSizes(int phones, int emccDevices, int profiles, int users, int clusters, int runs,
    int childRuns, int changedObjects, boolean childJvms) {

  public static BenchSizes full() {
    return new BenchSizes(40_000, 10_000, 40_000, 20_000, 2, 7, 5, 100, true);
  }

  public static BenchSizes quick() {
    return new BenchSizes(400, 100, 400, 200, 2, 3, 1, 10, true);
  }

  /** The same sizes with other repetition counts (in this JVM, and of child JVMs). */
  public BenchSizes withRuns(int newRuns, int newChildRuns) {
    return new BenchSizes(phones, emccDevices, profiles, users, clusters, newRuns, newChildRuns, changedObjects,
        childJvms);
  }

  /** Devices that count against the cluster's limit: phones plus EMCC devices. */
  public int devices() {
    return phones + emccDevices;
  }
}
