package dev.emcc.ui.forms;

import java.util.List;

/** A titled group of fields (CUCM's panes: "Device Information", "Extension Mobility" ...). */
public record SectionSpec(String titleKey, List<FieldSpec> fields) {
  public SectionSpec {
    fields = List.copyOf(fields);
  }

  public static SectionSpec of(String titleKey, FieldSpec... fields) {
    return new SectionSpec(titleKey, List.of(fields));
  }
}
