package dev.emcc.model;

/**
 * Services of a remote cluster (Cluster View). For EMCC, TFTP must stay off. LBM and UDS are the
 * location-bandwidth-manager and user-data-services entries CUCM lists beside them.
 */
public record RemoteServices(
    boolean emcc, boolean pstnAccess, boolean rsvpAgent, boolean tftp, boolean lbm, boolean uds) {
  public static final RemoteServices NONE = new RemoteServices(false, false, false, false, false, false);
  public static final RemoteServices EMCC_ALL = new RemoteServices(true, true, true, false, false, false);

  /**
   * The services of a newly added remote cluster: "all remote cluster services" on (EMCC, PSTN
   * Access, RSVP Agent) when the feature parameter says so, none otherwise. TFTP stays off (EMCC
   * wants it off, seed step 9 note); LBM and UDS belong to other features.
   */
  public static RemoteServices whenAdded(boolean enableAll) {
    return enableAll ? EMCC_ALL : NONE;
  }

  public RemoteServices withEmcc(boolean v) {
    return new RemoteServices(v, pstnAccess, rsvpAgent, tftp, lbm, uds);
  }

  public RemoteServices withTftp(boolean v) {
    return new RemoteServices(emcc, pstnAccess, rsvpAgent, v, lbm, uds);
  }

  public RemoteServices withPstnAccess(boolean v) {
    return new RemoteServices(emcc, v, rsvpAgent, tftp, lbm, uds);
  }
}
