package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Cluster;
import dev.emcc.model.Phone;
import dev.emcc.ui.forms.PhoneFeatureListView;
import dev.emcc.ui.forms.PhoneFeatureListView.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The phone feature list report: EMCC support per model, phones counted, CSV quoted. */
class PhoneFeatureListTest {
  @Test
  void reportCountsPhonesAndFlagsUnknownModels() {
    Cluster tokyo = DemoWorkspace.create().cluster(DemoWorkspace.TOKYO).orElseThrow();
    List<Phone> phones = new ArrayList<>(tokyo.phones());
    phones.add(tokyo.phones().get(0).withName("SEP0000000000FF").withModel("Lab, Phone \"X\""));
    List<Row> rows = PhoneFeatureListView.report(tokyo.withPhones(phones));
    Row c8865 = rows.stream().filter(r -> r.product().equals("Cisco 8865")).findFirst().orElseThrow();
    assertThat(c8865.supportsEmcc()).isTrue();
    assertThat(c8865.phones()).isEqualTo(tokyo.phones().stream().filter(p -> "Cisco 8865".equals(p.model())).count());
    assertThat(rows).filteredOn(r -> r.product().equals("Cisco 7940")).singleElement()
        .satisfies(r -> assertThat(r.supportsEmcc()).isFalse());
    Row lab = rows.stream().filter(r -> r.product().startsWith("Lab")).findFirst().orElseThrow();
    assertThat(lab.supportsEmcc()).isFalse();
    assertThat(lab.phones()).isEqualTo(1);
    String csv = PhoneFeatureListView.csv(rows);
    assertThat(csv).startsWith("Product,Protocols,Extension Mobility Cross Cluster,Phones\r\n");
    assertThat(csv).contains("\"Lab, Phone \"\"X\"\"\",,No,1\r\n");
  }
}
