package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Cluster;
import dev.emcc.ui.forms.Binding;
import dev.emcc.ui.forms.CollectionBinding;
import dev.emcc.ui.forms.FieldSpec;
import dev.emcc.ui.forms.FormSpec;
import dev.emcc.ui.forms.FormSpecs;
import dev.emcc.ui.forms.SingletonBinding;
import org.junit.jupiter.api.Test;

/** Every window's binding turns the demo's objects into the form's JSON copy and back unchanged. */
class FormSpecsTest {
  private final Cluster tokyo = DemoWorkspace.create().cluster(DemoWorkspace.TOKYO).orElseThrow();

  @Test
  void everyObjectRoundTripsThroughItsForm() throws Exception {
    for (FormSpec spec : FormSpecs.all().values()) {
      if (spec.binding() instanceof CollectionBinding<?> c) {
        roundTripAll(c);
        Object blank = c.blank().get();
        assertThat(c.fromNodeUnchecked(c.toNodeUnchecked(blank))).as(spec.window() + " blank").isEqualTo(blank);
      } else if (spec.binding() instanceof SingletonBinding<?> s) {
        roundTrip(s, s.get().apply(tokyo));
      }
    }
  }

  private <T> void roundTripAll(CollectionBinding<T> c) throws Exception {
    for (T item : c.get().apply(tokyo)) {
      roundTrip(c, item);
    }
  }

  @SuppressWarnings("unchecked")
  private <T> void roundTrip(Binding<T> b, Object value) throws Exception {
    ObjectNode node = b.toNode((T) value);
    assertThat(b.fromNode(node)).isEqualTo(value);
  }

  @Test
  void everyFieldKeyIsAKeyOfTheObject() {
    for (FormSpec spec : FormSpecs.all().values()) {
      Object sample = spec.binding() instanceof CollectionBinding<?> c ? c.blank().get()
          : ((SingletonBinding<?>) spec.binding()).get().apply(tokyo);
      ObjectNode node = (ObjectNode) dev.emcc.format.WorkspaceFormat.toTree(sample);
      for (FieldSpec f : spec.fields()) {
        if (f.key().equals("pin")) {
          continue; // written only when typed: the object keeps pinHash
        }
        String[] parts = f.key().split("\\.");
        assertThat(node.has(parts[0])).as(spec.window() + "." + f.key()).isTrue();
      }
    }
  }
}
