package dev.emcc.model;

import java.util.ArrayList;
import java.util.List;

/** The trust stores of a cluster: lists of SHA-256 fingerprints of trusted certificates. */
public record TrustStores(
    List<String> callManagerTrust,
    List<String> tomcatTrust,
    List<String> phoneSastTrust,
    List<String> capfTrust) {
  public static final TrustStores EMPTY = new TrustStores(null, null, null, null);

  public TrustStores {
    callManagerTrust = normalize(callManagerTrust);
    tomcatTrust = normalize(tomcatTrust);
    phoneSastTrust = normalize(phoneSastTrust);
    capfTrust = normalize(capfTrust);
  }

  private static List<String> normalize(List<String> fingerprints) {
    List<String> out = new ArrayList<>();
    for (String f : Defaults.list(fingerprints)) {
      out.add(f.replace(":", "").toUpperCase(java.util.Locale.ROOT));
    }
    return List.copyOf(out);
  }

  public TrustStores withTomcatTrust(List<String> v) {
    return new TrustStores(callManagerTrust, v, phoneSastTrust, capfTrust);
  }

  public TrustStores withCallManagerTrust(List<String> v) {
    return new TrustStores(v, tomcatTrust, phoneSastTrust, capfTrust);
  }

  public TrustStores withPhoneSastTrust(List<String> v) {
    return new TrustStores(callManagerTrust, tomcatTrust, v, capfTrust);
  }

  public TrustStores withCapfTrust(List<String> v) {
    return new TrustStores(callManagerTrust, tomcatTrust, phoneSastTrust, v);
  }
}
