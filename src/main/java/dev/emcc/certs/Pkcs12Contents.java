package dev.emcc.certs;

import dev.emcc.certs.BundleFileReport.LeftReason;
import dev.emcc.certs.CertificateTransferException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.CertBag;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;

/**
 * The bags of any standard PKCS12 file (RFC 7292), read with BouncyCastle's PKCS12 parser: the
 * JDK's {@code KeyStore} shows a certificate bag only when it carries the JDK's own
 * trusted-certificate attribute, so files written by {@code openssl pkcs12 -export} would read as
 * empty. Reads password-protected files whatever their encryption (PBES2 with AES as OpenSSL 3
 * writes by default, the legacy PKCS12 PBE of {@code -legacy} and of older tools) and with or
 * without a MAC. Certificates come out with their friendly names; everything else is listed as
 * what it is, so the caller can say why it was left.
 *
 * <p>BouncyCastle is used as a provider instance and never registered.
 */
final class Pkcs12Contents {
  /** A certificate bag and its friendly name (null when it has none). */
  record CertificateItem(X509Certificate certificate, String friendlyName) {}

  /** A bag that holds no readable X.509 certificate: what it is, and its friendly name (null when none). */
  record OtherItem(LeftReason kind, String friendlyName) {}

  private static final class Bc {
    static final Provider PROVIDER = new BouncyCastleProvider();
  }

  private final List<CertificateItem> certificates = new ArrayList<>();
  private final List<OtherItem> others = new ArrayList<>();

  private Pkcs12Contents() {}

  List<CertificateItem> certificates() {
    return List.copyOf(certificates);
  }

  List<OtherItem> others() {
    return List.copyOf(others);
  }

  /**
   * Reads {@code data}; {@code source} names the file in errors. Not PKCS12, a wrong password
   * (a MAC that does not verify, or an encrypted part that does not decrypt) are errors.
   */
  static Pkcs12Contents read(byte[] data, char[] password, String source) throws CertificateTransferException {
    PKCS12PfxPdu pfx;
    try {
      pfx = new PKCS12PfxPdu(data);
    } catch (IOException | RuntimeException e) {
      throw new CertificateTransferException(Reason.NOT_PKCS12, e, source);
    }
    try {
      if (pfx.hasMac() && !pfx.isMacValid(new JcePKCS12MacCalculatorBuilderProvider().setProvider(Bc.PROVIDER),
          password)) {
        throw new CertificateTransferException(Reason.WRONG_PKCS12_PASSWORD, null, source);
      }
    } catch (PKCSException | RuntimeException e) {
      throw new CertificateTransferException(Reason.NOT_PKCS12, e, source);
    }
    Pkcs12Contents out = new Pkcs12Contents();
    ContentInfo[] parts;
    try {
      parts = pfx.getContentInfos();
    } catch (RuntimeException e) {
      throw new CertificateTransferException(Reason.NOT_PKCS12, e, source);
    }
    for (ContentInfo part : parts) {
      ASN1ObjectIdentifier type = part.getContentType();
      PKCS12SafeBag[] read;
      try {
        if (type.equals(PKCSObjectIdentifiers.data)) {
          read = new PKCS12SafeBagFactory(part).getSafeBags();
        } else if (type.equals(PKCSObjectIdentifiers.encryptedData)) {
          read = new PKCS12SafeBagFactory(part,
              new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(password)).getSafeBags();
        } else {
          // enveloped data: encrypted for a recipient's key pair, not with the password
          out.others.add(new OtherItem(LeftReason.SEALED, null));
          continue;
        }
      } catch (PKCSException e) {
        // without a MAC, a wrong password shows only here: the part does not decrypt
        throw new CertificateTransferException(pfx.hasMac() ? Reason.NOT_PKCS12 : Reason.WRONG_PKCS12_PASSWORD,
            e, source);
      } catch (RuntimeException e) {
        throw new CertificateTransferException(Reason.NOT_PKCS12, e, source);
      }
      for (PKCS12SafeBag bag : read) {
        out.add(bag, 0);
      }
    }
    return out;
  }

  private void add(PKCS12SafeBag bag, int depth) {
    ASN1ObjectIdentifier type = bag.getType();
    String name = friendlyName(bag.getAttributes());
    if (type.equals(PKCSObjectIdentifiers.certBag)) {
      CertBag cert;
      try {
        // the raw bag: BouncyCastle's own getBagValue() assumes an X.509 certificate
        cert = CertBag.getInstance(bag.toASN1Structure().getBagValue());
      } catch (RuntimeException e) {
        others.add(new OtherItem(LeftReason.UNREADABLE_CERTIFICATE, name));
        return;
      }
      if (!cert.getCertId().equals(PKCSObjectIdentifiers.x509Certificate)) {
        others.add(new OtherItem(LeftReason.OTHER_CERTIFICATE, name));
        return;
      }
      try {
        byte[] der = ASN1OctetString.getInstance(cert.getCertValue()).getOctets();
        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(der));
        certificates.add(new CertificateItem(x509, name));
      } catch (CertificateException | RuntimeException e) {
        others.add(new OtherItem(LeftReason.UNREADABLE_CERTIFICATE, name));
      }
    } else if (type.equals(PKCSObjectIdentifiers.keyBag) || type.equals(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag)) {
      others.add(new OtherItem(LeftReason.PRIVATE_KEY, name));
    } else if (type.equals(PKCSObjectIdentifiers.crlBag)) {
      others.add(new OtherItem(LeftReason.CRL, name));
    } else if (type.equals(PKCSObjectIdentifiers.secretBag)) {
      others.add(new OtherItem(LeftReason.SECRET, name));
    } else if (type.equals(PKCSObjectIdentifiers.safeContentsBag) && depth < 8) {
      // nested safe contents: a bag of bags (the depth bound keeps a hostile file from recursing deep)
      try {
        for (ASN1Encodable inner : ASN1Sequence.getInstance(bag.toASN1Structure().getBagValue())) {
          add(new PKCS12SafeBag(SafeBag.getInstance(inner)), depth + 1);
        }
      } catch (RuntimeException e) {
        others.add(new OtherItem(LeftReason.UNKNOWN, name));
      }
    } else {
      others.add(new OtherItem(LeftReason.UNKNOWN, name));
    }
  }

  private static String friendlyName(Attribute[] attributes) {
    if (attributes == null) {
      return null;
    }
    for (Attribute a : attributes) {
      if (a.getAttrType().equals(PKCSObjectIdentifiers.pkcs_9_at_friendlyName) && a.getAttrValues().size() > 0
          && a.getAttrValues().getObjectAt(0) instanceof ASN1String s) {
        return s.getString();
      }
    }
    return null;
  }
}
