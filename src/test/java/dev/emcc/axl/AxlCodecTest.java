package dev.emcc.axl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.format.Json;
import dev.emcc.model.Cluster;
import dev.emcc.schema.Field;
import dev.emcc.schema.FieldKind;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapping in one place: every message it makes fits Cisco's schema, and values map both ways. */
class AxlCodecTest {
  private static final Cluster TOKYO = DemoWorkspace.create().cluster(DemoWorkspace.TOKYO).orElseThrow();

  private static byte[] envelope(XmlTree op) {
    return Soap.envelope(AxlVersion.DEFAULT, op);
  }

  @Test
  void everyKindsAddUpdateGetAndListOfTheDemoFitCiscosSchemaAndReadBack() throws Exception {
    JsonNode doc = Json.mapper().valueToTree(TOKYO);
    for (AxlKind kind : AxlKind.values()) {
      for (JsonNode object : doc.get(kind.collection())) {
        XmlTree get = AxlCodec.encode(kind, object, AxlCodec.Purpose.GET, null);
        AxlSchema.validate(envelope(new XmlTree(kind.operation("get") + "Response")
            .add(new XmlTree("return").add(get))));
        AxlSchema.validate(envelope(new XmlTree(kind.operation("list") + "Response")
            .add(new XmlTree("return").add(AxlCodec.encode(kind, object, AxlCodec.Purpose.LIST, null)))));
        if (kind.writable()) {
          AxlSchema.validate(envelope(new XmlTree(kind.operation("add"))
              .add(AxlCodec.encode(kind, object, AxlCodec.Purpose.ADD, null))));
          AxlSchema.validate(envelope(AxlCodec.encode(kind, object, AxlCodec.Purpose.UPDATE, null)));
        }
        // what AXL carries comes back as it went; the rest is the base's
        ObjectNode back = AxlCodec.decode(kind, XmlTree.parse(get.toString().getBytes(StandardCharsets.UTF_8)), object);
        assertEquals(object, back, kind.axlName() + " " + object.get(kind.nameKey()));
      }
    }
  }

  @Test
  void theValidatorRefusesElementsOutOfCiscosOrder() {
    XmlTree wrong = new XmlTree("getCCMVersionResponse").add(new XmlTree("return")
        .add(new XmlTree("componentVersion").add("version", "14.0").add("extra", "x")));
    assertThrows(Exception.class, () -> AxlSchema.validate(envelope(wrong)));
  }

  @Test
  void everyChoiceAxlCarriesMapsEachOptionToAValueOfCiscosEnumeration() throws Exception {
    String enums = java.nio.file.Files.readString(Peers.axlSchema().resolve("AXLEnums.xsd"))
        + java.nio.file.Files.readString(Peers.axlSchema().resolve("AXLSoap.xsd"));
    for (AxlKind kind : AxlKind.values()) {
      for (Field f : AxlCodec.fields(kind)) {
        Map<String, String> values = AxlMapping.get().enumOf(f.window() + "." + f.key());
        if (f.kind() == FieldKind.CHOICE) {
          assertTrue(values != null, "no AXL values for " + f.window() + "." + f.key());
          for (String option : f.options()) {
            String axl = values.get(option);
            assertTrue(axl != null, f.window() + "." + f.key() + ": option " + option + " has no AXL value");
            assertTrue(enums.contains("value=\"" + axl.replace("'", "&apos;") + "\"") || enums.contains("value=\"" + axl + "\""),
                f.window() + "." + f.key() + ": " + axl + " is not in Cisco's enumerations");
          }
        }
      }
    }
  }

  @Test
  void aValueTheConsoleDoesNotKnowIsAnErrorNamingObjectFieldAndValue() throws Exception {
    XmlTree profile = XmlTree.parse(("<deviceProfile><name>UDP_x</name><dndOption>Ringer Loud</dndOption>"
        + "</deviceProfile>").getBytes(StandardCharsets.UTF_8));
    AxlValueException e = assertThrows(AxlValueException.class,
        () -> AxlCodec.decode(AxlKind.DEVICE_PROFILE, profile, null));
    assertTrue(e.getMessage().contains("UDP_x") && e.getMessage().contains("dndOption")
        && e.getMessage().contains("Ringer Loud"), e.getMessage());
  }
}
