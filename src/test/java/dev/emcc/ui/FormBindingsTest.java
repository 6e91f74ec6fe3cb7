package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Cluster;
import dev.emcc.schema.Binding;
import dev.emcc.schema.CollectionBinding;
import dev.emcc.schema.SingletonBinding;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import dev.emcc.ui.forms.FormJson;
import org.junit.jupiter.api.Test;

/** Every window's objects turn into the form's JSON copy and back unchanged. */
class FormBindingsTest {
  private final Cluster tokyo = DemoWorkspace.create().cluster(DemoWorkspace.TOKYO).orElseThrow();

  @Test
  void everyObjectRoundTripsThroughItsForm() throws Exception {
    for (Window w : Windows.ALL) {
      if (w.binding() instanceof CollectionBinding<?> c) {
        roundTripAll(c);
        roundTrip(c, c.blank().get());
      } else if (w.binding() instanceof SingletonBinding<?> s) {
        roundTrip(s, s.get().apply(tokyo));
      }
    }
  }

  private <T> void roundTripAll(CollectionBinding<T> c) throws Exception {
    for (T item : c.get().apply(tokyo)) {
      roundTrip(c, item);
    }
  }

  private <T> void roundTrip(Binding<T> b, Object value) throws Exception {
    ObjectNode node = FormJson.toNode(value);
    assertThat(FormJson.fromNode(b, node)).as(b.clusterKey()).isEqualTo(value);
  }
}
