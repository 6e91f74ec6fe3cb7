package dev.emcc.certs;

/** Names of the files in the shared SFTP directory. */
public final class BulkFiles {
  /** Each cluster's export: {@code <clusterId>.export.p12}. */
  public static final String EXPORT_SUFFIX = ".export.p12";
  /** The one consolidated file every cluster imports. */
  public static final String CONSOLIDATED = "consolidated.p12";

  private BulkFiles() {}

  /**
   * The PKCS12 password of the bulk files: the one given, else the SFTP password. CUCM's Bulk
   * Certificate Management asks only for the SFTP login, which every participating cluster shares
   * (seed: the same SFTP server and directory), so that password is the shared secret unless the
   * user chooses another; the console's wizards and {@code emcc certs} both go by this. Null when
   * neither is there.
   */
  public static char[] bundlePassword(char[] given, char[] sftpPassword) {
    return given != null && given.length > 0 ? given : sftpPassword;
  }

  /** The export file of a cluster; characters a file name should not hold become '_'. */
  public static String exportFile(String clusterId) {
    return clusterId.replaceAll("[^A-Za-z0-9._-]", "_") + EXPORT_SUFFIX;
  }
}
