package dev.emcc.ui.forms;

import java.util.List;
import java.util.Optional;

/**
 * A configuration window described as data: its id (the shared window ids of {@code rules.Fix}),
 * its sections and fields, and how its objects live in a cluster.
 */
public record FormSpec(String window, List<SectionSpec> sections, Binding<?> binding) {
  public FormSpec {
    sections = List.copyOf(sections);
  }

  public String titleKey() {
    return "window." + window;
  }

  public List<FieldSpec> fields() {
    return sections.stream().flatMap(s -> s.fields().stream()).toList();
  }

  public Optional<FieldSpec> field(String key) {
    return fields().stream().filter(f -> f.key().equals(key)).findFirst();
  }
}
