package dev.emcc.schema;

import java.util.List;
import java.util.Optional;

/**
 * A window of the console: its id, where it sits in the CUCM menus, its sections of fields and
 * where its objects live. A window without a binding is a view of its own (the checklist, the
 * certificates); its fields, if any, are what findings point at there.
 *
 * @param menu the message keys of the menus leading to it, outermost first
 */
public record Window(String id, List<String> menu, List<Section> sections, Binding<?> binding) {
  public Window {
    menu = List.copyOf(menu);
    sections = List.copyOf(sections);
  }

  /** A window with a form: the sections the form lays out and the objects it edits. */
  public static Window form(String id, List<String> menu, Binding<?> binding, Section... sections) {
    return new Window(id, menu, List.of(sections), binding);
  }

  /** A view of its own. */
  public static Window view(String id, List<String> menu, Section... sections) {
    return new Window(id, menu, List.of(sections), null);
  }

  public String titleKey() {
    return "window." + id;
  }

  /** The key of the menu path shown above the title ("Device > Device Settings > Device Profile"). */
  public String pathKey() {
    return "path." + id;
  }

  public List<Field> fields() {
    return sections.stream().flatMap(s -> s.fields().stream()).toList();
  }

  public Optional<Field> field(String key) {
    return fields().stream().filter(f -> f.key().equals(key)).findFirst();
  }

  public Optional<CollectionBinding<?>> collection() {
    return binding instanceof CollectionBinding<?> c ? Optional.of(c) : Optional.empty();
  }
}
