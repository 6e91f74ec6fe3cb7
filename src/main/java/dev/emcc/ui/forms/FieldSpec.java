package dev.emcc.ui.forms;

import dev.emcc.model.Cluster;
import java.util.List;
import java.util.function.Function;

/**
 * One field of a form spec. {@code key} is the JSON key of the field (dotted for nested objects,
 * e.g. {@code services.tftp}): the same key diagnostics and {@code Fix.field} use. Label and help
 * texts are message keys {@code f.<window>.<key>} and {@code f.<window>.<key>.help}.
 *
 * @param options the JSON values of a CHOICE (or the fixed items of a DUAL)
 * @param references the names a REF or DUAL offers, computed from the shown cluster
 * @param freeText a REF may hold names the workspace does not model (templates, CSS, locales ...)
 * @param defaultValue the CUCM default, shown beside the label
 */
public record FieldSpec(
    String key,
    FieldKind kind,
    List<String> options,
    Function<Cluster, List<String>> references,
    boolean freeText,
    boolean required,
    int maxLength,
    Integer min,
    Integer max,
    String defaultValue) {

  public static FieldSpec of(String key, FieldKind kind) {
    return new FieldSpec(key, kind, List.of(), c -> List.of(), true, false, 0, null, null, null);
  }

  public static FieldSpec text(String key) {
    return of(key, FieldKind.TEXT);
  }

  public static FieldSpec check(String key) {
    return of(key, FieldKind.CHECK);
  }

  public static FieldSpec readOnly(String key) {
    return of(key, FieldKind.READ_ONLY);
  }

  public static FieldSpec integer(String key, int min, int max) {
    return new FieldSpec(key, FieldKind.INT, List.of(), c -> List.of(), true, false, 0, min, max, null);
  }

  /** A choice among an enum's JSON values (the enums carry {@code json()}). */
  public static FieldSpec choice(String key, Class<? extends Enum<?>> type) {
    return new FieldSpec(key, FieldKind.CHOICE, jsonValues(type), c -> List.of(), false, false, 0, null, null, null);
  }

  /** A name of an object the workspace models: an unknown name is an error. */
  public static FieldSpec ref(String key, Function<Cluster, List<String>> names) {
    return new FieldSpec(key, FieldKind.REF, List.of(), names, false, false, 0, null, null, null);
  }

  /** A name of something the workspace does not model: suggestions, any text allowed. */
  public static FieldSpec freeRef(String key, Function<Cluster, List<String>> suggestions) {
    return new FieldSpec(key, FieldKind.REF, List.of(), suggestions, true, false, 0, null, null, null);
  }

  public static FieldSpec list(String key) {
    return of(key, FieldKind.LIST);
  }

  public static FieldSpec lines(String key) {
    return of(key, FieldKind.LINES);
  }

  public static FieldSpec dual(String key, Function<Cluster, List<String>> available) {
    return new FieldSpec(key, FieldKind.DUAL, List.of(), available, false, false, 0, null, null, null);
  }

  /** A dual list over an enum's values (geolocation filter fields). */
  public static FieldSpec dualOf(String key, Class<? extends Enum<?>> type) {
    List<String> values = jsonValues(type);
    return new FieldSpec(key, FieldKind.DUAL, values, c -> values, false, false, 0, null, null, null);
  }

  public FieldSpec mandatory() {
    return new FieldSpec(key, kind, options, references, freeText, true, maxLength, min, max, defaultValue);
  }

  public FieldSpec maxLength(int n) {
    return new FieldSpec(key, kind, options, references, freeText, required, n, min, max, defaultValue);
  }

  public FieldSpec defaults(String value) {
    return new FieldSpec(key, kind, options, references, freeText, required, maxLength, min, max, value);
  }

  public String labelKey(String window) {
    return "f." + window + "." + key;
  }

  public String helpKey(String window) {
    return labelKey(window) + ".help";
  }

  static List<String> jsonValues(Class<? extends Enum<?>> type) {
    return java.util.Arrays.stream(type.getEnumConstants()).map(FieldSpec::json).toList();
  }

  static String json(Enum<?> e) {
    try {
      return (String) e.getClass().getMethod("json").invoke(e);
    } catch (ReflectiveOperationException ex) {
      return e.name();
    }
  }
}
