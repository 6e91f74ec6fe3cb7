package dev.emcc.bat;

/**
 * How to read a BAT file and into which cluster.
 *
 * @param lines line groups a row of an insert file has (BAT's file format sets it; default 1)
 * @param speedDials speed dial groups a row of an insert file has (default 1)
 * @param withPassword a users insert file with a Password column after User ID (releases before 15)
 * @param template the name of an object of the kind whose settings new objects take where the file
 *     has no value (BAT's template): the insert files carry no device type, for one
 * @param skipBadRows apply the good rows of a file with bad ones (the bad ones are listed)
 * @param keepUnknown keep the values of columns the model does not carry, for a later export
 * @param previewRows how many rows the listener sees as they are read
 */
public record ImportOptions(BatKind kind, BatFormat format, String clusterId, int lines, int speedDials,
    boolean withPassword, String template, boolean skipBadRows, boolean keepUnknown, int previewRows) {

  public static ImportOptions of(BatKind kind, BatFormat format, String clusterId) {
    return new ImportOptions(kind, format, clusterId, 1, 1, false, null, false, false, 100);
  }

  public ImportOptions withLines(int n, int speedDialCount) {
    return new ImportOptions(kind, format, clusterId, n, speedDialCount, withPassword, template, skipBadRows,
        keepUnknown, previewRows);
  }

  public ImportOptions withPassword(boolean on) {
    return new ImportOptions(kind, format, clusterId, lines, speedDials, on, template, skipBadRows, keepUnknown,
        previewRows);
  }

  public ImportOptions withTemplate(String name) {
    return new ImportOptions(kind, format, clusterId, lines, speedDials, withPassword, name, skipBadRows,
        keepUnknown, previewRows);
  }

  public ImportOptions skippingBadRows(boolean on) {
    return new ImportOptions(kind, format, clusterId, lines, speedDials, withPassword, template, on, keepUnknown,
        previewRows);
  }

  public ImportOptions keepingUnknown(boolean on) {
    return new ImportOptions(kind, format, clusterId, lines, speedDials, withPassword, template, skipBadRows, on,
        previewRows);
  }
}
