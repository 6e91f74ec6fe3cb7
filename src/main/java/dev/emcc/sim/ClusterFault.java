package dev.emcc.sim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A failure inside one cluster that no configuration window shows, staged so that the error codes
 * whose causes the seed describes can be produced (docs/simulator.md, "Faults"):
 * the database returns exceptions (6 at the EMService; 21 for the user status of a logout), the
 * directory (IMS) cannot authenticate users (204 at the EMApp, 9 at the home EMService), the
 * Real-Time Information Server Data Collector is down (29), the EMApp failed to initialise (210).
 */
public enum ClusterFault {
  DATABASE_DOWN("databaseDown"),
  DIRECTORY_DOWN("directoryDown"),
  RIS_DOWN("risDown"),
  EM_APP_INIT_FAILED("emAppInitFailed");

  private final String json;

  ClusterFault(String json) {
    this.json = json;
  }

  @JsonValue
  public String json() {
    return json;
  }

  @JsonCreator
  public static ClusterFault of(String json) {
    for (ClusterFault f : values()) {
      if (f.json.equals(json)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown fault \"" + json + "\": expected databaseDown, directoryDown, "
        + "risDown or emAppInitFailed");
  }
}
