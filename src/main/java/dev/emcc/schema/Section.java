package dev.emcc.schema;

import java.util.List;

/** A titled group of fields (CUCM's panes: "Device Information", "Extension Mobility" ...). */
public record Section(String titleKey, List<Field> fields) {
  public Section {
    fields = List.copyOf(fields);
  }

  public static Section of(String titleKey, Field... fields) {
    return new Section(titleKey, List.of(fields));
  }
}
