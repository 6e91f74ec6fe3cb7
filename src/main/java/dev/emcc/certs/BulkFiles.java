package dev.emcc.certs;

/** Names of the files in the shared SFTP directory. */
public final class BulkFiles {
  /** Each cluster's export: {@code <clusterId>.export.p12}. */
  public static final String EXPORT_SUFFIX = ".export.p12";
  /** The one consolidated file every cluster imports. */
  public static final String CONSOLIDATED = "consolidated.p12";

  private BulkFiles() {}

  /** The export file of a cluster; characters a file name should not hold become '_'. */
  public static String exportFile(String clusterId) {
    return clusterId.replaceAll("[^A-Za-z0-9._-]", "_") + EXPORT_SUFFIX;
  }
}
