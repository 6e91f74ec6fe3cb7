package dev.emcc.bat;

import dev.emcc.model.DeviceSecurityMode;
import dev.emcc.model.Protocol;
import dev.emcc.schema.Field;
import dev.emcc.schema.PhoneFields;
import dev.emcc.schema.Texts;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Model values as BAT writes them and back: True/False for check boxes, CUCM's option names for
 * choices (the schema's English option labels: On, Off, Default, SIP, Ringer Off ...), text as is
 * (blank is none: BAT knows no difference). A phone's security mode travels as the name of its
 * security profile ({@link #securityProfile}).
 */
final class Cells {
  /** A choice field's accepted texts (its JSON values and CUCM's names, lower case) to the JSON value, by label key. */
  private static final Map<String, Map<String, String>> CHOICES = new ConcurrentHashMap<>();
  private static final Map<String, String> LABELS = new ConcurrentHashMap<>();
  private static final ClassValue<Map<String, Object>> CONSTANTS = new ClassValue<>() {
    @Override protected Map<String, Object> computeValue(Class<?> type) {
      Map<String, Object> m = new HashMap<>();
      for (Object c : type.getEnumConstants()) {
        m.put(Field.json((Enum<?>) c), c);
      }
      return m;
    }
  };

  private Cells() {}

  /** The text of a field's value in a BAT file. */
  static String text(Field f, Object value) {
    if (value == null) {
      return "";
    }
    return switch (f.kind()) {
      case CHECK -> Boolean.TRUE.equals(value) ? "True" : "False";
      case CHOICE -> option(f, value);
      default -> String.valueOf(value);
    };
  }

  /** The value of a field from its cell; {@code type} is the record component's class. */
  static Object parse(Field f, Class<?> type, String text) throws CellException {
    String t = text == null ? "" : text;
    switch (f.kind()) {
      case CHECK -> {
        if (t.isBlank()) {
          return Boolean.FALSE;
        }
        if (t.strip().equalsIgnoreCase("true")) {
          return Boolean.TRUE;
        }
        if (t.strip().equalsIgnoreCase("false")) {
          return Boolean.FALSE;
        }
        throw new CellException("row.boolean", t);
      }
      case CHOICE -> {
        if (t.isBlank()) {
          return f.defaultValue() == null ? null : constant(type, f.defaultValue());
        }
        String json = choices(f).get(t.strip().toLowerCase(Locale.ROOT));
        if (json != null) {
          return constant(type, json);
        }
        throw new CellException("row.choice", t, String.join(", ", f.options().stream().map(Cells::label).toList()));
      }
      case INT -> {
        if (t.isBlank()) {
          return null;
        }
        try {
          return Integer.valueOf(t.strip());
        } catch (NumberFormatException e) {
          throw new CellException("row.integer", t);
        }
      }
      default -> {
        return t.isBlank() ? null : t;
      }
    }
  }

  private static final ClassValue<Map<Object, String>> JSON_OF = new ClassValue<>() {
    @Override protected Map<Object, String> computeValue(Class<?> type) {
      Map<Object, String> m = new HashMap<>();
      for (Object c : type.getEnumConstants()) {
        m.put(c, Field.json((Enum<?>) c));
      }
      return m;
    }
  };

  private static String option(Field f, Object value) {
    return label(value instanceof Enum<?> e ? JSON_OF.get(e.getDeclaringClass()).get(e) : String.valueOf(value));
  }

  private static Map<String, String> choices(Field f) {
    return CHOICES.computeIfAbsent(f.labelKey(), k -> {
      Map<String, String> m = new HashMap<>();
      for (String json : f.options()) {
        m.put(json.toLowerCase(Locale.ROOT), json);
        m.put(label(json).toLowerCase(Locale.ROOT), json);
      }
      return m;
    });
  }

  /** CUCM's name of an option: the schema's English label. */
  private static String label(String json) {
    return LABELS.computeIfAbsent(json, j -> Texts.has("opt." + j) ? Texts.text("en", "opt." + j) : j);
  }

  private static Object constant(Class<?> type, String json) {
    Object c = CONSTANTS.get(type).get(json);
    if (c == null) {
      throw new IllegalStateException("no " + json + " in " + type.getSimpleName());
    }
    return c;
  }

  // ---- security profiles ----------------------------------------------------------------

  /**
   * The security profile a phone of this mode is written with: CUCM's standard non-secure profile
   * ("Cisco 8865 - Standard SIP Non-Secure Profile"), or for the secure modes a profile named after
   * the mode. The console keeps a phone's mode, not its profile's name (docs/bat.md).
   */
  static String securityProfile(DeviceSecurityMode mode, String model, Protocol protocol) {
    String p = protocol == null ? "SIP" : protocol.json().toUpperCase(Locale.ROOT);
    String m = model == null || model.isBlank() ? "Universal Device Template" : model;
    return switch (mode == null ? DeviceSecurityMode.NON_SECURE : mode) {
      case NON_SECURE -> m + " - Standard " + p + " Non-Secure Profile";
      case AUTHENTICATED -> m + " - " + p + " Authenticated Profile";
      case ENCRYPTED -> m + " - " + p + " Encrypted Profile";
    };
  }

  /** The mode a security profile's name says: Non-Secure (or model-independent), Authenticated, Encrypted. */
  static DeviceSecurityMode securityMode(String profile) throws CellException {
    if (profile == null || profile.isBlank()) {
      return DeviceSecurityMode.NON_SECURE;
    }
    String p = profile.toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
    if (p.contains("nonsecure") || p.contains("modelindependent")) {
      return DeviceSecurityMode.NON_SECURE;
    }
    if (p.contains("encrypt")) {
      return DeviceSecurityMode.ENCRYPTED;
    }
    if (p.contains("authenticat")) {
      return DeviceSecurityMode.AUTHENTICATED;
    }
    throw new CellException("row.securityProfile", profile);
  }

  static boolean isSecurityProfile(Field f) {
    return f == PhoneFields.DEVICE_SECURITY_MODE; // the schema's one field (records compare deep)
  }
}
