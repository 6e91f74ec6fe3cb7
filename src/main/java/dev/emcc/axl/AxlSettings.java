package dev.emcc.axl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.schema.Field;
import dev.emcc.schema.FieldKind;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two single objects AXL reads and writes piecewise: the EMCC feature configuration (one
 * parameter per {@code get/updateEmccFeatureConfig}, names from {@link AxlMapping}) and the
 * intercluster service profile (one service per {@code get/updateInterClusterServiceProfile};
 * its fields' AXL names are {@code "<service>:<element>"} in the schema).
 */
public final class AxlSettings {
  public static final String FEATURE_WINDOW = "emccFeatureConfig";
  public static final String PROFILE_WINDOW = "interclusterServiceProfile";
  public static final String SERVICE_PARAMETERS_WINDOW = "emServiceParameters";
  /** The plan's names of the three: the AXL object each step writes. */
  public static final String FEATURE = "EmccFeatureConfig";
  public static final String PROFILE = "InterClusterServiceProfile";
  public static final String SERVICE_PARAMETER = "ServiceParameter";
  /** The services the profile window shows, in AXL's words. */
  public static final List<String> PROFILE_SERVICES = List.of("EMCC", "PSTN Access", "RSVP Agent");

  private AxlSettings() {}

  /** The feature configuration as AXL parameter name to value. */
  public static Map<String, String> featureValues(JsonNode config) throws AxlValueException {
    Map<String, String> out = new LinkedHashMap<>();
    Window w = Windows.of(FEATURE_WINDOW);
    for (Map.Entry<String, String> p : AxlMapping.get().featureParameters().entrySet()) {
      Field f = w.field(p.getKey()).orElseThrow();
      JsonNode v = config.get(p.getKey());
      out.put(p.getValue(), toAxl(f, v, "EMCC feature parameter " + p.getValue()));
    }
    return out;
  }

  /** The JSON key of an AXL parameter name, if the console knows it. */
  public static Optional<String> featureKey(String parameterName) {
    return AxlMapping.get().featureParameters().entrySet().stream()
        .filter(e -> e.getValue().equals(parameterName)).map(Map.Entry::getKey).findFirst();
  }

  /** Sets one parameter's AXL value on the configuration's JSON. */
  public static void setFeature(ObjectNode config, String key, String value) throws AxlValueException {
    Field f = Windows.of(FEATURE_WINDOW).field(key).orElseThrow();
    config.set(key, fromAxl(f, value, "EMCC feature parameter " + AxlMapping.get().featureParameters().get(key)));
  }

  /** The cluster document's key of a plan's setting ({@code EmccFeatureConfig}: {@code emccFeatureConfig}). */
  public static String documentKey(String setting) {
    return switch (setting) {
      case FEATURE -> FEATURE_WINDOW;
      case PROFILE -> PROFILE_WINDOW;
      case SERVICE_PARAMETER -> SERVICE_PARAMETERS_WINDOW;
      default -> throw new IllegalArgumentException("not a setting of the plan: " + setting);
    };
  }

  /** One feature parameter's AXL value ({@code key} a JSON key of the configuration). */
  public static String featureValue(JsonNode config, String key) throws AxlValueException {
    Field f = Windows.of(FEATURE_WINDOW).field(key).orElseThrow();
    return toAxl(f, config.get(key), "EMCC feature parameter " + AxlMapping.get().featureParameters().get(key));
  }

  /**
   * One EM service parameter's value as {@code updateServiceParameter} writes it: a boolean as
   * CUCM stores it (T/F), a list as one value with the mapping's separator.
   */
  public static String serviceValue(JsonNode parameters, String key) {
    AxlMapping.ServiceParameters sp = AxlMapping.get().serviceParameters();
    Field f = Windows.of(SERVICE_PARAMETERS_WINDOW).field(key).orElseThrow();
    JsonNode v = parameters.get(key);
    if (f.kind() == FieldKind.CHECK) {
      return sp.booleans().get(Boolean.toString(v != null && v.asBoolean()));
    }
    if (f.kind() == FieldKind.LIST) {
      List<String> items = new java.util.ArrayList<>();
      if (v != null) {
        v.forEach(i -> items.add(i.asText()));
      }
      return String.join(sp.listSeparator(), items);
    }
    return v == null || v.isNull() ? "" : v.asText();
  }

  /** Sets one EM service parameter from the value {@code getServiceParameter} answered. */
  public static void setService(ObjectNode parameters, String key, String value) throws AxlValueException {
    AxlMapping.ServiceParameters sp = AxlMapping.get().serviceParameters();
    Field f = Windows.of(SERVICE_PARAMETERS_WINDOW).field(key).orElseThrow();
    String what = "EM service parameter " + sp.names().get(key);
    String t = value == null ? "" : value.trim();
    if (f.kind() == FieldKind.CHECK) {
      String asBool = sp.booleans().entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(t))
          .map(Map.Entry::getKey).findFirst().orElse(t.toLowerCase(java.util.Locale.ROOT));
      parameters.put(key, AxlCodec.bool(null, null, f, what, asBool));
    } else if (f.kind() == FieldKind.LIST) {
      com.fasterxml.jackson.databind.node.ArrayNode items = parameters.putArray(key);
      for (String item : t.split(java.util.regex.Pattern.quote(sp.listSeparator()))) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
    } else {
      parameters.set(key, fromAxl(f, value, what));
    }
  }

  /** One service of the profile: {@code isActivated} and {@code sipTrunkName} (absent when the service has none). */
  public record ProfileService(String service, boolean activated, String sipTrunk, boolean hasTrunk) {}

  public static ProfileService profileService(JsonNode profile, String service) {
    boolean activated = false;
    String trunk = null;
    boolean hasTrunk = false;
    for (Field f : Windows.of(PROFILE_WINDOW).fields()) {
      String[] axl = split(f);
      if (axl == null || !axl[0].equals(service)) {
        continue;
      }
      JsonNode v = profile.get(f.key());
      if (axl[1].equals("isActivated")) {
        activated = v != null && v.asBoolean();
      } else {
        hasTrunk = true;
        trunk = v == null || v.isNull() ? null : v.asText();
      }
    }
    return new ProfileService(service, activated, trunk, hasTrunk);
  }

  /** Sets one element of one service on the profile's JSON ({@code isActivated} "true", {@code sipTrunkName}). */
  public static boolean setProfile(ObjectNode profile, String service, String element, String value)
      throws AxlValueException {
    for (Field f : Windows.of(PROFILE_WINDOW).fields()) {
      String[] axl = split(f);
      if (axl != null && axl[0].equals(service) && axl[1].equals(element)) {
        profile.set(f.key(), fromAxl(f, value, service + " " + element));
        return true;
      }
    }
    return false;
  }

  private static String[] split(Field f) {
    String axl = f.external().axl();
    int colon = axl == null ? -1 : axl.indexOf(':');
    return colon < 0 ? null : new String[] {axl.substring(0, colon), axl.substring(colon + 1)};
  }

  private static String toAxl(Field f, JsonNode v, String what) throws AxlValueException {
    if (v == null || v.isNull()) {
      return "";
    }
    Map<String, String> values = AxlMapping.get().enumOf(f.window() + "." + f.key());
    if (values != null) {
      String axl = values.get(v.asText());
      if (axl == null) {
        throw new AxlValueException(what + ": the value \"" + v.asText() + "\" of " + f.key() + " has no AXL counterpart");
      }
      return axl;
    }
    return v.asText();
  }

  private static JsonNode fromAxl(Field f, String text, String what) throws AxlValueException {
    JsonNodeFactory n = JsonNodeFactory.instance;
    String t = text == null ? "" : text.trim();
    Map<String, String> back = AxlMapping.get().enumBack(f.window() + "." + f.key());
    if (back != null) {
      String json = back.get(t);
      if (json == null) {
        throw new AxlValueException(what + ": \"" + text + "\" is not a value the console knows for " + f.key()
            + " (it knows " + String.join(", ", AxlMapping.get().enumOf(f.window() + "." + f.key()).values()) + ")");
      }
      return n.textNode(json);
    }
    if (f.kind() == FieldKind.CHECK) {
      return n.booleanNode(AxlCodec.bool(null, null, f, what, t));
    }
    if (f.kind() == FieldKind.INT || f.numberChoice()) {
      try {
        return t.isEmpty() ? n.nullNode() : n.numberNode(Integer.parseInt(t));
      } catch (NumberFormatException e) {
        throw new AxlValueException(what + ": \"" + text + "\" is not a whole number (" + f.key() + ")");
      }
    }
    return t.isEmpty() ? n.nullNode() : n.textNode(t);
  }
}
