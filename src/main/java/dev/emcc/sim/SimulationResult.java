package dev.emcc.sim;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The result document of a simulated login or logout (workspace-format.md, "Simulator scenario").
 * On failure {@code code} is the numeric error code, {@code phoneDisplay}/{@code phoneDisplayJa}
 * what the phone shows, and {@code emccStatus} null. {@code emccStatus} is null for a successful
 * local Extension Mobility login (not an EMCC login) and for a logout. {@code warningsJa} (the
 * warnings in Japanese) is not part of the document.
 */
@JsonPropertyOrder({"result", "code", "phoneDisplay", "phoneDisplayJa", "emccStatus", "homeCluster",
    "visitingCluster", "emccDevice", "roamingDevicePool", "codecPreference", "warnings", "steps"})
public record SimulationResult(
    String result,
    Integer code,
    String phoneDisplay,
    String phoneDisplayJa,
    String emccStatus,
    String homeCluster,
    String visitingCluster,
    String emccDevice,
    String roamingDevicePool,
    List<String> codecPreference,
    List<String> warnings,
    List<Step> steps,
    @JsonIgnore List<String> warningsJa) {
  public static final String SUCCESS = "success";
  public static final String FAILURE = "failure";

  public SimulationResult {
    codecPreference = codecPreference == null ? List.of() : List.copyOf(codecPreference);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    steps = steps == null ? List.of() : List.copyOf(steps);
    warningsJa = warningsJa == null ? warnings : List.copyOf(warningsJa);
  }

  @JsonIgnore
  public boolean isSuccess() {
    return SUCCESS.equals(result);
  }
}
