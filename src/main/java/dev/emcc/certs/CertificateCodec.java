package dev.emcc.certs;

import dev.emcc.model.Certificate;
import dev.emcc.model.CertificateType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/** X.509 certificates to and from PEM, DER and the model's {@link Certificate}. */
public final class CertificateCodec {
  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  private static final String END = "-----END CERTIFICATE-----";

  private CertificateCodec() {}

  /** Reads every certificate of a PEM file (one or more blocks) or the one of a DER file. */
  public static List<X509Certificate> read(Path file) throws IOException, CertificateInputException {
    return parse(Files.readAllBytes(file), file.toString());
  }

  public static List<X509Certificate> parse(byte[] data, String source) throws CertificateInputException {
    String text = new String(data, StandardCharsets.US_ASCII);
    if (text.contains(BEGIN)) {
      return parsePem(text, source);
    }
    if (data.length == 0 || data[0] != 0x30) {
      throw new CertificateInputException(source, "neither a PEM certificate nor a DER certificate");
    }
    return List.of(parseDer(data, source));
  }

  private static List<X509Certificate> parsePem(String text, String source) throws CertificateInputException {
    List<X509Certificate> out = new ArrayList<>();
    int from = 0;
    int block = 0;
    while ((from = text.indexOf(BEGIN, from)) >= 0) {
      block++;
      int end = text.indexOf(END, from);
      if (end < 0) {
        throw new CertificateInputException(source, "PEM block " + block + " has no " + END + " line");
      }
      String body = text.substring(from + BEGIN.length(), end).replaceAll("\\s", "");
      byte[] der;
      try {
        der = Base64.getDecoder().decode(body);
      } catch (IllegalArgumentException e) {
        throw new CertificateInputException(source, "PEM block " + block + " is not valid base64", e);
      }
      out.add(parseDer(der, source + " (PEM block " + block + ")"));
      from = end + END.length();
    }
    return List.copyOf(out);
  }

  private static X509Certificate parseDer(byte[] der, String source) throws CertificateInputException {
    try {
      Collection<? extends java.security.cert.Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(der));
      if (certs.size() != 1) {
        throw new CertificateInputException(source, "expected one certificate, found " + certs.size());
      }
      return (X509Certificate) certs.iterator().next();
    } catch (CertificateException e) {
      throw new CertificateInputException(source, "not an X.509 certificate: " + e.getMessage(), e);
    }
  }

  public static String toPem(X509Certificate cert) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der(cert));
    return BEGIN + "\n" + body + "\n" + END + "\n";
  }

  public static byte[] der(X509Certificate cert) {
    try {
      return cert.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a parsed certificate always encodes", e);
    }
  }

  /** The model's view of a certificate: type, subject, fingerprint, validity and the PEM itself. */
  public static Certificate toModel(X509Certificate cert, CertificateType type) {
    return new Certificate(type, cert.getSubjectX500Principal().getName(),
        Fingerprints.sha256Hex(der(cert)), cert.getNotBefore().toInstant(),
        cert.getNotAfter().toInstant(), toPem(cert));
  }

  /** The X.509 certificate a model certificate carries, or a clear error when it has no PEM. */
  public static X509Certificate fromModel(Certificate cert, String where) throws CertificateInputException {
    if (cert.pem() == null || cert.pem().isBlank()) {
      throw new CertificateInputException(where, "the certificate has no PEM, only its fingerprint");
    }
    List<X509Certificate> certs = parse(cert.pem().getBytes(StandardCharsets.US_ASCII), where);
    if (certs.size() != 1) {
      throw new CertificateInputException(where, "expected one certificate in the PEM, found " + certs.size());
    }
    return certs.get(0);
  }
}
