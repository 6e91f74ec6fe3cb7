package dev.emcc.rules;

import dev.emcc.catalog.DeviceModels;
import java.time.Clock;

/** What rules need besides the workspace: the device-model catalog and the current time. */
public record RuleContext(DeviceModels deviceModels, Clock clock) {
  public static RuleContext standard() {
    return new RuleContext(DeviceModels.builtIn(), Clock.systemUTC());
  }
}
