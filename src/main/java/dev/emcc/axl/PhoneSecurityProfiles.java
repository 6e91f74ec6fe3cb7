package dev.emcc.axl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * A phone's device security mode and TFTP encrypted config live in its phone security profile
 * ({@code securityProfileName}), read with {@code getPhoneSecurityProfile}. The node names the
 * profiles it answers as CUCM names its defaults ("Cisco 8865 - Standard SIP Non-Secure Profile");
 * these names are ours where CUCM's are the administrator's own (docs/axl.md).
 */
public final class PhoneSecurityProfiles {
  /** CUCM's model-independent non-secure profile: a name every cluster has. */
  public static final String UNIVERSAL = "Universal Device Template - Model-independent Security Profile";
  private static final String TFTP = " (TFTP Encrypted)";

  /** What a profile says about the phones that use it. */
  public record Security(String deviceSecurityMode, boolean tftpEncryptedConfig) {}

  private PhoneSecurityProfiles() {}

  /** The profile name the node gives a phone: model, protocol, mode (and TFTP encryption). */
  public static String nameOf(JsonNode phone) {
    String mode = phone.path("deviceSecurityMode").asText("nonSecure");
    String model = phone.path("model").asText("");
    String protocol = phone.path("protocol").asText("sip").toUpperCase(java.util.Locale.ROOT);
    String words = switch (mode) {
      case "authenticated" -> "Authenticated";
      case "encrypted" -> "Encrypted";
      default -> "Non-Secure";
    };
    return model + " - Standard " + protocol + " " + words + " Profile"
        + (phone.path("tftpEncryptedConfig").asBoolean() ? TFTP : "");
  }

  /** The security of a profile name the node gave (or CUCM's universal one), if it is one. */
  public static Optional<Security> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    if (name.equals(UNIVERSAL)) {
      return Optional.of(new Security("nonSecure", false));
    }
    boolean tftp = name.endsWith(TFTP);
    String n = tftp ? name.substring(0, name.length() - TFTP.length()) : name;
    for (Map.Entry<String, String> e : Map.of(" Non-Secure Profile", "nonSecure", " Authenticated Profile",
        "authenticated", " Encrypted Profile", "encrypted").entrySet()) {
      if (n.contains(" - Standard ") && n.endsWith(e.getKey())) {
        return Optional.of(new Security(e.getValue(), tftp));
      }
    }
    return Optional.empty();
  }

  /** The {@code <phoneSecurityProfile>} element of a profile name the node gave. */
  public static Optional<XmlTree> element(String name) {
    return parse(name).map(s -> {
      String model = name.equals(UNIVERSAL) ? "Universal Device Template" : name.substring(0, name.indexOf(" - Standard "));
      String rest = name.equals(UNIVERSAL) ? "SIP" : name.substring(name.indexOf(" - Standard ") + 12);
      String protocol = rest.startsWith("SCCP") ? "SCCP" : "SIP";
      return new XmlTree("phoneSecurityProfile")
          .attribute("uuid", AxlCodec.uuid(AxlKind.PHONE, "securityProfile/" + name))
          .add("phoneType", model).add("protocol", protocol).add("name", name)
          .add("deviceSecurityMode", AxlMapping.get().enumOf("phone.deviceSecurityMode").get(s.deviceSecurityMode()))
          .add("tftpEncryptedConfig", Boolean.toString(s.tftpEncryptedConfig()));
    });
  }

  /** The profile names the node answers for a cluster's phones: each model and protocol in every mode, and CUCM's universal one. */
  public static java.util.SortedSet<String> namesFor(Iterable<JsonNode> phones) {
    java.util.SortedSet<String> names = new java.util.TreeSet<>();
    names.add(UNIVERSAL);
    for (JsonNode p : phones) {
      for (String mode : java.util.List.of("nonSecure", "authenticated", "encrypted")) {
        for (boolean tftp : mode.equals("encrypted") ? new boolean[] {false, true} : new boolean[] {false}) {
          com.fasterxml.jackson.databind.node.ObjectNode n = ((com.fasterxml.jackson.databind.node.ObjectNode) p).deepCopy();
          n.put("deviceSecurityMode", mode);
          n.put("tftpEncryptedConfig", tftp);
          names.add(nameOf(n));
        }
      }
    }
    return names;
  }

  /**
   * The name of a profile of the cluster for a phone's model, protocol, mode and TFTP encryption,
   * from the cluster's profiles as listed ({@code <phoneSecurityProfile>} elements); a non-secure
   * phone may take CUCM's model-independent one.
   */
  public static Optional<String> choose(JsonNode phone, java.util.List<XmlTree> listed) {
    String mode = AxlMapping.get().enumOf("phone.deviceSecurityMode").get(phone.path("deviceSecurityMode").asText("nonSecure"));
    String protocol = phone.path("protocol").asText("sip").toUpperCase(java.util.Locale.ROOT);
    boolean tftp = phone.path("tftpEncryptedConfig").asBoolean();
    Optional<String> universal = Optional.empty();
    for (XmlTree p : listed) {
      boolean sameSecurity = mode.equals(p.textAt("deviceSecurityMode"))
          && tftp == "true".equalsIgnoreCase(String.valueOf(p.textAt("tftpEncryptedConfig")).trim());
      if (!sameSecurity) {
        continue;
      }
      if (phone.path("model").asText().equals(p.textAt("phoneType")) && protocol.equals(p.textAt("protocol"))) {
        return Optional.of(p.textAt("name"));
      }
      if ("Universal Device Template".equals(p.textAt("phoneType"))) {
        universal = Optional.of(p.textAt("name"));
      }
    }
    return universal;
  }

  /** The security a {@code getPhoneSecurityProfile} answer's element describes. */
  public static Security read(XmlTree profile) throws AxlValueException {
    String mode = profile.textAt("deviceSecurityMode");
    String json = AxlMapping.get().enumBack("phone.deviceSecurityMode").get(mode);
    if (json == null) {
      throw new AxlValueException("phone security profile " + profile.textAt("name") + ": <deviceSecurityMode> is \""
          + mode + "\", a value the console does not know (it knows Non Secure, Authenticated, Encrypted)");
    }
    String tftp = profile.textAt("tftpEncryptedConfig");
    return new Security(json, tftp != null && AxlCodec.bool(null, null, null, "tftpEncryptedConfig", tftp));
  }
}
