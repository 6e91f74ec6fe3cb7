package dev.emcc.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.emcc.format.Json;
import dev.emcc.model.DeviceModel;
import dev.emcc.model.DndOption;
import dev.emcc.model.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The device-model catalog: which phone models support EMCC, their protocols and the DND options
 * the product allows. The built-in list is {@code device-models.json} beside this class; a
 * workspace's {@code deviceModels} entries extend it or override it by name (case-insensitive).
 */
public final class DeviceModels {
  private static volatile DeviceModels builtIn;

  private final Map<String, Known> byName;

  private DeviceModels(Map<String, Known> byName) {
    this.byName = byName;
  }

  /** The built-in catalog (loaded once). */
  public static DeviceModels builtIn() {
    DeviceModels c = builtIn;
    if (c == null) {
      Map<String, Known> m = new LinkedHashMap<>();
      for (BuiltInModel b : load()) {
        Known k = new Known(
            new DeviceModel(b.name(), b.protocols(), b.supportsEmcc(), b.dndOptions()),
            b.dndOptionsFor() == null ? List.of() : List.copyOf(b.dndOptionsFor()),
            b.note(), b.noteJa());
        if (m.put(key(b.name()), k) != null) {
          throw new IllegalStateException("device-models.json: \"" + b.name() + "\" twice");
        }
      }
      c = new DeviceModels(m);
      builtIn = c;
    }
    return c;
  }

  private static List<BuiltInModel> load() {
    try (InputStream in = DeviceModels.class.getResourceAsStream("device-models.json")) {
      if (in == null) {
        throw new IllegalStateException("device-models.json is missing from the build");
      }
      return Json.mapper().readValue(in, new TypeReference<List<BuiltInModel>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(Json.problem("device-models.json", e).getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  /** This catalog extended (or overridden by name) with a workspace's own entries. */
  public DeviceModels with(Collection<DeviceModel> workspaceModels) {
    Map<String, Known> m = new LinkedHashMap<>(byName);
    // A workspace entry replaces the built-in one whole, notes and protocol conditions included.
    workspaceModels.forEach(d -> m.put(key(d.name()), new Known(d, List.of(), null, null)));
    return new DeviceModels(m);
  }

  public Optional<DeviceModel> find(String name) {
    return known(name).map(Known::model);
  }

  public Collection<DeviceModel> all() {
    return byName.values().stream().map(Known::model).toList();
  }

  /**
   * The only DND options this model allows when it runs this protocol; empty when any option is
   * allowed or the model is unknown. The seed restricts 7940/7960 to Ringer Off only when they run
   * SCCP, and mobile/dual-mode devices to Call Reject; a workspace entry's {@code dndOptions}
   * apply whatever the protocol.
   */
  public List<DndOption> allowedDndOptions(String name, Protocol protocol) {
    return known(name)
        .filter(k -> k.dndOptionsFor().isEmpty() || protocol == null || k.dndOptionsFor().contains(protocol))
        .map(k -> k.model().dndOptions())
        .orElse(List.of());
  }

  /**
   * Why a built-in entry says what it says (protocols, EMCC support and how sure it is), in the
   * locale's language (Japanese for {@code ja}); empty for workspace entries and unknown models.
   */
  public Optional<String> note(String name, Locale locale) {
    return known(name).map(k -> ErrorEntry.japanese(locale) ? k.noteJa() : k.note());
  }

  private Optional<Known> known(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(byName.get(key(name)));
  }

  /** A model with what the record cannot carry: the protocols its DND restriction applies to. */
  private record Known(DeviceModel model, List<Protocol> dndOptionsFor, String note, String noteJa) {}

  /** One entry of device-models.json. */
  private record BuiltInModel(
      String name,
      List<Protocol> protocols,
      boolean supportsEmcc,
      List<DndOption> dndOptions,
      List<Protocol> dndOptionsFor,
      String note,
      String noteJa) {}
}
