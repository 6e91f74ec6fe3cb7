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
