package dev.emcc.certs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What reading one PKCS12 file took and what it left, and why: nothing a file holds goes unsaid.
 * {@link #lines(Locale)} is what the CLI prints and the console lists.
 */
public record BundleFileReport(String file, List<Taken> taken, List<Left> left) {
  public BundleFileReport {
    taken = List.copyOf(taken);
    left = List.copyOf(left);
  }

  /** Where the node's name of an entry not named by us came from. */
  public enum NodeFrom { CN, SAN }

  /** Where the certificate type of an entry not named by us came from. */
  public enum TypeFrom { FRIENDLY_NAME, OU, CN }

  /** Why an entry of the file was not taken; each has a message {@code report.left.<name>}. */
  public enum LeftReason {
    PRIVATE_KEY, CRL, SECRET, OTHER_CERTIFICATE, UNREADABLE_CERTIFICATE, SEALED, UNKNOWN,
    TYPE_UNKNOWN, NO_NODE_NAME, REPLACED
  }

  /**
   * A certificate taken under {@code alias}. {@code nodeFrom} and {@code typeFrom} are null when
   * its friendly name was ours; otherwise they say how it was named (the cluster is then the file's).
   */
  public record Taken(BundleAlias alias, String subject, NodeFrom nodeFrom, TypeFrom typeFrom) {
    public boolean mapped() {
      return nodeFrom != null;
    }
  }

  /** An entry left out: its friendly name or subject ({@code what}) and why. */
  public record Left(String what, LeftReason reason) {}

  /** The clusters of the certificates taken, sorted. */
  public List<String> clusters() {
    return taken.stream().map(t -> t.alias().clusterId()).distinct().sorted().toList();
  }

  /**
   * The file's line (how many taken, of which clusters, how many left), then a line per entry
   * named from its certificate and per entry left; with {@code everyEntry}, per entry taken too.
   */
  public List<String> lines(Locale locale, boolean everyEntry) {
    List<String> out = new ArrayList<>();
    out.add(CertsMessages.text(locale, "report.file", file, taken.size(), String.join(", ", clusters()), left.size()));
    for (Taken t : taken) {
      if (!everyEntry && !t.mapped()) {
        continue;
      }
      out.add("  " + (t.mapped()
          ? CertsMessages.text(locale, "report.mapped", t.alias().text(),
              CertsMessages.text(locale, "report.nodeFrom." + t.nodeFrom().name()),
              CertsMessages.text(locale, "report.typeFrom." + t.typeFrom().name()), file)
          : CertsMessages.text(locale, "report.taken", t.alias().text())));
    }
    for (Left l : left) {
      out.add("  " + leftText(l, locale));
    }
    return out;
  }

  /** What was left, in one sentence per entry: the error text when a file yields nothing. */
  public String leftSummary(Locale locale) {
    if (left.isEmpty()) {
      return CertsMessages.text(locale, "report.empty");
    }
    return String.join("; ", left.stream().map(l -> leftText(l, locale)).toList());
  }

  private static String leftText(Left l, Locale locale) {
    String what = l.what() == null ? CertsMessages.text(locale, "report.unnamed") : l.what();
    return CertsMessages.text(locale, "report.left", what,
        CertsMessages.text(locale, "report.left." + l.reason().name()));
  }
}
