package dev.emcc.model;

/** Services of Serviceability > Tools > Service Activation that EMCC depends on. */
public record NodeServices(
    boolean callManager,
    boolean tftp,
    boolean extensionMobility,
    boolean ils,
    boolean bulkProvisioning,
    boolean capf) {
  public static final NodeServices NONE = new NodeServices(false, false, false, false, false, false);

  public NodeServices withCallManager(boolean v) {
    return new NodeServices(v, tftp, extensionMobility, ils, bulkProvisioning, capf);
  }

  public NodeServices withTftp(boolean v) {
    return new NodeServices(callManager, v, extensionMobility, ils, bulkProvisioning, capf);
  }

  public NodeServices withExtensionMobility(boolean v) {
    return new NodeServices(callManager, tftp, v, ils, bulkProvisioning, capf);
  }

  public NodeServices withIls(boolean v) {
    return new NodeServices(callManager, tftp, extensionMobility, v, bulkProvisioning, capf);
  }

  public NodeServices withBulkProvisioning(boolean v) {
    return new NodeServices(callManager, tftp, extensionMobility, ils, v, capf);
  }

  public NodeServices withCapf(boolean v) {
    return new NodeServices(callManager, tftp, extensionMobility, ils, bulkProvisioning, v);
  }
}
