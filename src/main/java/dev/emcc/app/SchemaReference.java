package dev.emcc.app;

import dev.emcc.schema.CollectionBinding;
import dev.emcc.schema.Constraints;
import dev.emcc.schema.Field;
import dev.emcc.schema.FieldKind;
import dev.emcc.schema.Section;
import dev.emcc.schema.SingletonBinding;
import dev.emcc.schema.Texts;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema as a reference an administrator or an integrator reads: every window with its
 * fields, their labels, kinds, defaults, limits and external names, as text (one language), as
 * Markdown (docs/fields.md, both languages) or as JSON (both languages).
 */
final class SchemaReference {
  private SchemaReference() {}

  /** The text output in one language ("en" or "ja"). */
  static String text(String lang) {
    StringBuilder out = new StringBuilder();
    for (Window w : Windows.ALL) {
      out.append(Texts.text(lang, w.titleKey())).append("  [").append(w.id()).append("]\n");
      out.append("  ").append(menu(w, lang)).append('\n');
      out.append("  ").append(objects(w, lang)).append('\n');
      for (Section s : w.sections()) {
        out.append("  ").append(Texts.text(lang, s.titleKey())).append('\n');
        for (Field f : s.fields()) {
          field(out, "    ", f, lang);
          for (Field c : f.columns()) {
            field(out, "      ", c, lang);
          }
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static void field(StringBuilder out, String indent, Field f, String lang) {
    out.append(indent).append(String.format("%-" + (42 - indent.length()) + "s ", f.key())).append(Texts.label(f, lang)).append("  (").append(kind(f))
        .append(')');
    List<String> more = new ArrayList<>();
    String limits = limits(f, lang);
    if (!limits.isEmpty()) {
      more.add(limits);
    }
    if (f.defaultValue() != null) {
      more.add(Texts.text(lang, "reference.default", f.defaultValue()));
    }
    if (f.external().axl() != null) {
      more.add("AXL " + f.external().axl());
    }
    if (f.external().bat() != null) {
      more.add("BAT " + f.external().batText(f.maxLength()));
    }
    if (!more.isEmpty()) {
      out.append("  ").append(String.join("; ", more));
    }
    out.append('\n');
  }

  /** The Markdown of docs/fields.md: a table a window, English and Japanese labels side by side. */
  static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Field reference\n\n")
        .append("Generated from the schema (`dev.emcc.schema`) by `emcc schema --markdown > docs/fields.md`; ")
        .append("a test fails when this file is not current. `emcc schema --json` adds each field's help ")
        .append("in both languages. Keys are the workspace document's JSON keys; limits are checked alike by ")
        .append("the forms, `emcc validate` ")
        .append("(rules `field.required`, `field.enum`, `field.maxLength`, `field.range`, `field.pattern`) and a node.\n");
    for (Window w : Windows.ALL) {
      out.append("\n## ").append(Texts.text("en", w.titleKey())).append(" / ").append(Texts.text("ja", w.titleKey()))
          .append(" (`").append(w.id()).append("`)\n\n");
      out.append(menu(w, "en")).append(". ").append(objects(w, "en")).append(".\n");
      if (w.fields().isEmpty()) {
        continue;
      }
      out.append("\n| key | label | ラベル | kind | default | limits | AXL | BAT |\n");
      out.append("|---|---|---|---|---|---|---|---|\n");
      for (Field f : w.fields()) {
        row(out, f, f.key());
        for (Field c : f.columns()) {
          row(out, c, f.key() + "[]." + c.key());
        }
      }
    }
    return out.toString();
  }

  private static void row(StringBuilder out, Field f, String key) {
    out.append("| `").append(key).append("` | ").append(cell(Texts.label(f, "en"))).append(" | ")
        .append(cell(Texts.label(f, "ja"))).append(" | ").append(kind(f)).append(" | ")
        .append(f.defaultValue() == null ? "" : "`" + f.defaultValue() + "`").append(" | ")
        .append(cell(limits(f, "en"))).append(" | ").append(f.external().axl() == null ? "" : f.external().axl())
        .append(" | ").append(f.external().bat() == null ? "" : f.external().batText(f.maxLength())).append(" |\n");
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  /** The JSON document: windows with menus, sections and fields, labels and help in both languages. */
  static Map<String, Object> json() {
    List<Object> windows = new ArrayList<>();
    for (Window w : Windows.ALL) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", w.id());
      m.put("title", both(w.titleKey()));
      m.put("menu", w.menu().stream().map(SchemaReference::both).toList());
      if (w.binding() instanceof CollectionBinding<?> b) {
        m.put("objects", ordered("kind", "list", "clusterKey", b.clusterKey(), "nameKey", b.nameKey()));
      } else if (w.binding() instanceof SingletonBinding<?> b) {
        m.put("objects", ordered("kind", "single", "clusterKey", b.clusterKey()));
      }
      List<Object> sections = new ArrayList<>();
      for (Section s : w.sections()) {
        sections.add(ordered("title", both(s.titleKey()), "fields", s.fields().stream().map(SchemaReference::json).toList()));
      }
      m.put("sections", sections);
      windows.add(m);
    }
    return Map.of("windows", windows);
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  private static Map<String, Object> json(Field f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", f.key());
    m.put("label", both(f.labelKey()));
    m.put("help", both(f.helpKey()));
    m.put("kind", kind(f));
    if (!f.options().isEmpty()) {
      m.put("options", f.options());
    }
    if (f.refersTo() != null) {
      m.put("refersTo", f.refersTo());
      m.put("anyName", f.freeText());
    }
    m.put("default", f.defaultValue());
    Constraints c = f.constraints();
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("required", c.required());
    limits.put("maxLength", c.maxLength() > 0 ? c.maxLength() : null);
    limits.put("min", c.min());
    limits.put("max", c.max());
    limits.put("pattern", c.pattern() == null ? null : c.pattern().regex());
    m.put("constraints", limits);
    Map<String, Object> external = new LinkedHashMap<>();
    external.put("axl", f.external().axl());
    external.put("bat", f.external().bat());
    external.put("batMinLength", f.external().bat() == null || f.external().batMinLength() == 0 ? null
        : f.external().batMinLength());
    external.put("batMaxLength", f.external().bat() == null || f.batMaxLength() == 0 ? null : f.batMaxLength());
    m.put("external", external);
    if (!f.columns().isEmpty()) {
      m.put("columns", f.columns().stream().map(SchemaReference::json).toList());
    }
    return m;
  }

  private static Map<String, String> both(String key) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("en", Texts.text("en", key));
    m.put("ja", Texts.text("ja", key));
    return m;
  }

  private static String menu(Window w, String lang) {
    List<String> parts = new ArrayList<>();
    w.menu().forEach(k -> parts.add(Texts.text(lang, k)));
    parts.add(Texts.text(lang, w.titleKey()));
    return String.join(" > ", parts);
  }

  private static String objects(Window w, String lang) {
    if (w.binding() instanceof CollectionBinding<?> b) {
      return Texts.text(lang, "reference.list", b.clusterKey(), b.nameKey());
    }
    if (w.binding() instanceof SingletonBinding<?> b) {
      return Texts.text(lang, "reference.single", b.clusterKey().isEmpty() ? "clusterId, version, securityMode, maxPhones"
          : b.clusterKey());
    }
    return Texts.text(lang, "reference.view");
  }

  /** A kind as the JSON and the tables write it: text, int, check, choice, ref, list, lines, dual, pin, readOnly. */
  static String kind(Field f) {
    return f.kind() == FieldKind.READ_ONLY ? "readOnly" : f.kind().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String limits(Field f, String lang) {
    List<String> out = new ArrayList<>();
    Constraints c = f.constraints();
    if (c.required()) {
      out.add(Texts.text(lang, "reference.required"));
    }
    if (f.kind() == FieldKind.CHOICE && f.defaultValue() == null) {
      out.add(Texts.text(lang, "reference.choose"));
    }
    if (c.maxLength() > 0) {
      out.add(Texts.text(lang, "reference.maxLength", c.maxLength()));
    }
    if (c.min() != null || c.max() != null) {
      out.add(Texts.text(lang, "reference.range", c.min() == null ? "-" : c.min(), c.max() == null ? "-" : c.max()));
    }
    if (c.pattern() != null) {
      out.add(Texts.text(lang, "reference.pattern", "`" + c.pattern().regex() + "`"));
    }
    if (!f.options().isEmpty()) {
      out.add(Texts.text(lang, "reference.options", String.join(", ", f.options())));
    }
    if (f.refersTo() != null) {
      out.add(Texts.text(lang, f.freeText() ? "reference.suggests" : "reference.refersTo", f.refersTo()));
    }
    return String.join("; ", out);
  }
}
