package dev.emcc.model;

/** The EMCC intercluster service profile (Advanced Features > EMCC): turns EMCC on. */
public record InterclusterServiceProfile(
    boolean emccActive,
    boolean pstnAccessActive,
    String pstnAccessSipTrunk,
    boolean rsvpAgentActive,
    String rsvpAgentSipTrunk) {
  public static final InterclusterServiceProfile INACTIVE =
      new InterclusterServiceProfile(false, false, null, false, null);
}
