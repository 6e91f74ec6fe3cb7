package dev.emcc.schema;

import dev.emcc.model.CertificateType;

/**
 * OS Administration > Security > Bulk Certificate Management: the nodes' certificates, the last
 * bulk export and the cluster's trust stores. A view of its own, not a form: its fields are what
 * findings about certificates point at.
 */
public final class CertificatesFields {
  public static final String ID = "certificates";
  private static final Field.Maker F = Field.in(ID);

  /** The certificates of a node (the finding's object): their type and expiry. */
  public static final Field TYPE = F.choice("type", CertificateType.class);
  public static final Field NOT_AFTER = F.readOnly("notAfter");
  public static final Field CERTIFICATE_EXPORT = F.readOnly("certificateExport");
  public static final Field TOMCAT_TRUST = F.list("tomcatTrust");
  public static final Field CALL_MANAGER_TRUST = F.list("callManagerTrust");

  public static final Section NODE_CERTIFICATES = Section.of("sec.nodeCertificates", TYPE, NOT_AFTER);
  public static final Section EXPORT = Section.of("sec.certificateExport", CERTIFICATE_EXPORT);
  public static final Section TRUST_STORES = Section.of("sec.trustStores", TOMCAT_TRUST, CALL_MANAGER_TRUST);

  static final Window WINDOW = Window.view(ID, Menus.OS_SECURITY, NODE_CERTIFICATES, EXPORT, TRUST_STORES);

  private CertificatesFields() {}
}
