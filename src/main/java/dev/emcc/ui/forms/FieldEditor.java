package dev.emcc.ui.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.emcc.model.Cluster;
import dev.emcc.schema.Field;
import dev.emcc.schema.FieldKind;
import dev.emcc.schema.Limits;
import dev.emcc.schema.Violation;
import dev.emcc.ui.kit.I18n;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.controlsfx.control.ListSelectionView;

/** The editor of one field: reads its value from the form's JSON copy, writes it back, checks it. */
abstract class FieldEditor {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  protected final Field spec;
  protected final I18n i18n;
  protected final Supplier<Cluster> cluster;
  protected final Consumer<FieldEditor> onChange;

  FieldEditor(Field spec, I18n i18n, Supplier<Cluster> cluster, Consumer<FieldEditor> onChange) {
    this.spec = spec;
    this.i18n = i18n;
    this.cluster = cluster;
    this.onChange = onChange;
  }

  static FieldEditor create(Field spec, String window, I18n i18n, Supplier<Cluster> cluster,
      Consumer<FieldEditor> onChange) {
    FieldEditor e = switch (spec.kind()) {
      case TEXT -> new Text(spec, i18n, cluster, onChange);
      case INT -> new Int(spec, i18n, cluster, onChange);
      case CHECK -> new Check(spec, i18n, cluster, onChange);
      case CHOICE -> new Choice(spec, i18n, cluster, onChange);
      case REF -> new Ref(spec, i18n, cluster, onChange);
      case LIST -> new Lines(spec, i18n, cluster, onChange);
      case LINES -> new LinesTable(spec, i18n, cluster, onChange);
      case DUAL -> new Dual(spec, i18n, cluster, onChange);
      case READ_ONLY, FIXED -> new ReadOnly(spec, i18n, cluster, onChange);
      case PIN -> new Pin(spec, i18n, cluster, onChange);
    };
    e.control().setId("field-" + spec.key());
    return e;
  }

  Field spec() {
    return spec;
  }

  abstract Control control();

  /** What the form lays out: the control, or the control with its buttons. */
  javafx.scene.Node node() {
    return control();
  }

  abstract void read(ObjectNode node);

  abstract void write(ObjectNode node);

  void focus() {
    control().requestFocus();
  }

  void refreshReferences() {}

  /** The problem with the current value, null when it is good. */
  String check(ObjectNode node) {
    return problem(plain(JsonPaths.get(node, spec.key())));
  }

  /** The limit of the schema a value breaks, in the console's language: the message validate gives. */
  String problem(Object value) {
    return Limits.check(spec, value).map(this::text).orElse(null);
  }

  String text(Violation v) {
    return v.text(i18n.isJapanese() ? "ja" : "en");
  }

  /** A JSON value as the schema's limits take it: text, number, boolean, list or null. */
  static Object plain(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      List<Object> items = new ArrayList<>();
      n.forEach(item -> items.add(plain(item)));
      return items;
    }
    return n.isNumber() ? n.numberValue() : n.isBoolean() ? (Object) n.booleanValue() : n.asText();
  }

  static String optionText(I18n i18n, String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String key = "opt." + value;
    return i18n.has(key) ? i18n.text(key) : value;
  }

  /** Text: empty means "not set" (null), as CUCM's blank fields. */
  static final class Text extends FieldEditor {
    private final TextField field = new TextField();

    Text(Field s, I18n i, Supplier<Cluster> c, Consumer<FieldEditor> ch) {
      super(s, i, c, ch);
      field.textProperty().addListener((o, a, b) -> onChange.accept(this));
    }

    @Override Control control() {
      return field;
    }

    @Override void read(ObjectNode node) {
      field.setText(JsonPaths.text(node, spec.key()));
    }

    @Override void write(ObjectNode node) {
      String t = field.getText();
      JsonNode current = JsonPaths.get(node, spec.key());
      // keep "" where the object had "" (descriptions), null where it had nothing
      JsonPaths.set(node, spec.key(), t.isEmpty() && !(current.isTextual() && current.asText().isEmpty())
          ? NullNode.getInstance() : TextNode.valueOf(t));
    }
  }

  static final class ReadOnly extends FieldEditor {
    private final Label label = new Label();

    ReadOnly(Field s, I18n i, Supplier<Cluster> c, Consumer<FieldEditor> ch) {
      super(s, i, c, ch);
    }

    @Override Control control() {
      return label;
    }

    @Override void read(ObjectNode node) {
      String value = spec.kind() == FieldKind.FIXED ? spec.defaultValue() : JsonPaths.text(node, spec.key());
      // an option's text (SIP Trunk) is said again in the new language after a switch
      label.textProperty().bind(i18n.bind(() -> optionText(i18n, value)));
    }

    @Override void write(ObjectNode node) {}

    @Override String check(ObjectNode node) {
      return null;
    }
  }

  /** A whole number: a bad text is kept on screen and flagged, the copy keeps the last good number. */
  static final class Int extends FieldEditor {
    private final TextField field = new TextField();

    Int(Field s, I18n i, Supplier<Cluster> c, Consumer<FieldEditor> ch) {
      super(s, i, c, ch);
      field.setPrefColumnCount(8);
      field.setMaxWidth(160);
      field.textProperty().addListener((o, a, b) -> onChange.accept(this));
    }

    @Override Control control() {
      return field;
    }

    @Override void read(ObjectNode node) {
      field.setText(JsonPaths.text(node, spec.key()));
    }

    private Integer parsed() {
      try {
        return Integer.valueOf(field.getText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }

    @Override void write(ObjectNode node) {
      Integer v = parsed();
      if (v != null) {
        JsonPaths.set(node, spec.key(), IntNode.valueOf(v));
      } else if (field.getText().isBlank()) {
        JsonPaths.set(node, spec.key(), NullNode.getInstance());
      }
    }

    @Override String check(ObjectNode node) {
      String t = field.getText().trim();
      if (t.isEmpty()) {
        return problem(null);
      }
      Integer v = parsed();
      return v == null ? text(Limits.notAnInteger(spec, t)) : problem(v);
    }
  }

  static final class Check extends FieldEditor {
    private final CheckBox box = new CheckBox();

    Check(Field s, I18n i, Supplier<Cluster> c, Consumer<FieldEditor> ch) {
      super(s, i, c, ch);
      box.selectedProperty().addListener((o, a, b) -> onChange.accept(this));
    }

    @Override Control control() {
      return box;
    }

    @Override void read(ObjectNode node) {
      box.setSelected(JsonPaths.get(node, spec.key()).asBoolean(false));
    }

    @Override void write(ObjectNode node) {
      JsonPaths.set(node, spec.key(), BooleanNode.valueOf(box.isSelected()));
    }
  }

  /** One of the enum's values, shown in the console's language. */
  static final class Choice extends FieldEditor {
    private final ComboBox<String> combo = new ComboBox<>();

    Choice(Field s, I18n i, Supplier<Cluster> c, Consumer<FieldEditor> ch) {
      super(s, i, c, ch);
      combo.setItems(FXCollections.observableArrayList(s.options()));
      combo.setMaxWidth(Double.MAX_VALUE);
      converter();
      i.localeProperty().addListener((o, a, b) -> converter());
      dev.emcc.ui.kit.Controls.relabelOnSwitch(combo, i);
      combo.valueProperty().addListener((o, a, b) -> onChange.accept(this));
    }

    private void converter() {
      combo.setConverter(new StringConverter<>() {
        @Override public String toString(String v) {
          return optionText(i18n, v);
        }

        @Override public String fromString(String s) {
          return s;
        }
      });
    }

    @Override Control control() {
      return combo;
    }

    @Override void read(ObjectNode node) {
      String v = JsonPaths.text(node, spec.key());
      combo.setValue(v.isEmpty() ? null : v);
    }

    @Override void write(ObjectNode node) {
      String v = combo.getValue();
      // a choice among numbers (the region bit rates) stays a number in the object
      JsonPaths.set(node, spec.key(), v == null ? NullNode.getInstance()
          : spec.numberChoice() ? com.fasterxml.jackson.databind.node.IntNode.valueOf(Integer.parseInt(v)) : TextNode.valueOf(v));
    }
  }

  /** A name of another object: suggestions from the cluster, typing allowed. */
  static final class Ref extends FieldEditor {
    private final ComboBox<String> combo = new ComboBox<>();

    Ref(Field s, I18n i, Supplier<Cluster> c, Consumer<FieldEditor> ch) {
      super(s, i, c, ch);
      combo.setEditable(true);
      combo.setMaxWidth(Double.MAX_VALUE);
      combo.getEditor().textProperty().addListener((o, a, b) -> onChange.accept(this));
      combo.setOnShowing(e -> refreshReferences());
    }

    @Override void refreshReferences() {
      Cluster c = cluster.get();
      List<String> names = new ArrayList<>();
      names.add("");
      if (c != null) {
        names.addAll(References.names(spec, c));
      }
      String text = combo.getEditor().getText();
      combo.getItems().setAll(names);
      combo.getEditor().setText(text);
    }

    @Override Control control() {
      return combo;
    }

    @Override void read(ObjectNode node) {
      String v = JsonPaths.text(node, spec.key());
      combo.setValue(v);
      combo.getEditor().setText(v);
    }

    @Override void write(ObjectNode node) {
      String t = combo.getEditor().getText().trim();
      JsonPaths.set(node, spec.key(), t.isEmpty() ? NullNode.getInstance() : TextNode.valueOf(t));
    }

    @Override String check(ObjectNode node) {
      String base = super.check(node);
      if (base != null) {
        return base;
      }
      String t = JsonPaths.text(node, spec.key());
      Cluster c = cluster.get();
      if (!spec.freeText() && !t.isEmpty() && c != null && !References.names(spec, c).contains(t)) {
        return i18n.text("v.unknownRef", t);
      }
      return null;
    }
  }

  /** Strings one a line (LIST). */
  static final class Lines extends FieldEditor {
    private final TextArea area = new TextArea();

    Lines(Field s, I18n i, Supplier<Cluster> c, Consumer<FieldEditor> ch) {
      super(s, i, c, ch);
      area.setPrefRowCount(4);
      area.textProperty().addListener((o, a, b) -> onChange.accept(this));
    }

    @Override Control control() {
      return area;
    }

    @Override void read(ObjectNode node) {
      StringBuilder sb = new StringBuilder();
      for (JsonNode item : JsonPaths.get(node, spec.key())) {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(item.asText());
      }
      area.setText(sb.toString());
    }

    private List<String> entries() {
      return area.getText().lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    @Override void write(ObjectNode node) {
      ArrayNode array = JSON.arrayNode();
      entries().forEach(array::add);
      JsonPaths.set(node, spec.key(), array);
    }

    @Override String check(ObjectNode node) {
      return problem(entries());
    }
  }

  /** Available → chosen (ControlsFX ListSelectionView). */
  static final class Dual extends FieldEditor {
    private final ListSelectionView<String> view = new ListSelectionView<>();
    private boolean reading;

    Dual(Field s, I18n i, Supplier<Cluster> c, Consumer<FieldEditor> ch) {
      super(s, i, c, ch);
      view.setPrefHeight(220);
      javafx.util.Callback<javafx.scene.control.ListView<String>, ListCell<String>> cells = lv -> new ListCell<>() {
        @Override protected void updateItem(String item, boolean empty) {
          super.updateItem(item, empty);
          setText(empty || item == null ? null : optionText(i18n, item));
        }
      };
      view.setCellFactory(cells);
      // new cells after a language switch: the old ones keep their text
      i.localeProperty().addListener((o, a, b) -> {
        view.setCellFactory(null);
        view.setCellFactory(cells);
      });
      Label source = new Label();
      source.textProperty().bind(i.bind("f." + "dual.available." + s.key()));
      Label target = new Label();
      target.textProperty().bind(i.bind("f." + "dual.chosen." + s.key()));
      view.setSourceHeader(source);
      view.setTargetHeader(target);
      view.getTargetItems().addListener((javafx.collections.ListChangeListener<String>) ch2 -> {
        if (!reading) {
          onChange.accept(this);
        }
      });
    }

    @Override Control control() {
      return view;
    }

    @Override void read(ObjectNode node) {
      reading = true;
      try {
        List<String> chosen = new ArrayList<>();
        JsonPaths.get(node, spec.key()).forEach(n -> chosen.add(n.asText()));
        view.getTargetItems().setAll(chosen);
        refreshReferences();
      } finally {
        reading = false;
      }
    }

    @Override void refreshReferences() {
      Cluster c = cluster.get();
      Set<String> chosen = new java.util.HashSet<>(view.getTargetItems());
      List<String> available = c == null ? List.of()
          : References.names(spec, c).stream().filter(n -> !chosen.contains(n)).toList();
      view.getSourceItems().setAll(available);
    }

    @Override void write(ObjectNode node) {
      ArrayNode array = JSON.arrayNode();
      view.getTargetItems().forEach(array::add);
      JsonPaths.set(node, spec.key(), array);
    }

    @Override String check(ObjectNode node) {
      return problem(List.copyOf(view.getTargetItems()));
    }
  }

  /**
   * A new PIN or password: typed in clear once, hashed by the model; blank keeps the stored hash
   * (the key's hash: {@code pin} → {@code pinHash}, {@code password} → {@code passwordHash}).
   */
  static final class Pin extends FieldEditor {
    private final PasswordField field = new PasswordField();
    private JsonNode storedHash = NullNode.getInstance();

    Pin(Field s, I18n i, Supplier<Cluster> c, Consumer<FieldEditor> ch) {
      super(s, i, c, ch);
      field.setMaxWidth(200);
      field.textProperty().addListener((o, a, b) -> onChange.accept(this));
    }

    @Override Control control() {
      return field;
    }

    @Override void read(ObjectNode node) {
      storedHash = node.path(spec.key() + "Hash").deepCopy();
      field.setText("");
    }

    @Override void write(ObjectNode node) {
      if (field.getText().isEmpty()) {
        node.remove(spec.key());
        if (!storedHash.isMissingNode()) {
          node.set(spec.key() + "Hash", storedHash);
        }
      } else {
        node.remove(spec.key() + "Hash");
        node.put(spec.key(), field.getText());
      }
    }

    @Override String check(ObjectNode node) {
      // blank keeps the stored PIN: only a new one is checked
      return field.getText().isEmpty() ? null : problem(field.getText());
    }
  }
}
