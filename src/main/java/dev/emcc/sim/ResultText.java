package dev.emcc.sim;

import java.util.List;

/** A readable trace of a simulated login, in English or Japanese. */
public final class ResultText {
  private ResultText() {}

  public static String render(String scenarioName, SimulationResult r, boolean ja) {
    StringBuilder sb = new StringBuilder();
    if (scenarioName != null) {
      sb.append(Messages.get(ja, "text.scenario", scenarioName)).append('\n');
    }
    List<Step> steps = r.steps();
    int width = 0;
    for (Step s : steps) {
      width = Math.max(width, Messages.get(ja, "text.hop", s.from(), s.to()).length());
    }
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      String hop = Messages.get(ja, "text.hop", s.from(), s.to());
      sb.append(String.format("%3d. %-" + width + "s  %-4s  %s%n", i + 1, hop,
          Messages.get(ja, s.ok() ? "text.ok" : "text.fail"), s.message(ja)));
    }
    if (r.isSuccess()) {
      if (r.emccStatus() != null) {
        sb.append(Messages.get(ja, "text.successEmcc", r.emccStatus(), r.homeCluster(), r.visitingCluster(),
            r.emccDevice(), String.valueOf(r.roamingDevicePool()))).append('\n');
        sb.append(Messages.get(ja, "text.codecs", String.join(", ", r.codecPreference()))).append('\n');
      } else {
        sb.append(Messages.get(ja, "text.successLocal", r.homeCluster())).append('\n');
      }
    } else {
      sb.append(Messages.get(ja, "text.failure", r.code(), ja ? r.phoneDisplayJa() : r.phoneDisplay())).append('\n');
    }
    List<String> warnings = ja ? r.warningsJa() : r.warnings();
    if (!warnings.isEmpty()) {
      sb.append(Messages.get(ja, "text.warnings")).append('\n');
      warnings.forEach(w -> sb.append("  - ").append(w).append('\n'));
    }
    return sb.toString();
  }

  public static String render(LoginStorm.Report r, boolean ja) {
    StringBuilder sb = new StringBuilder();
    sb.append(Messages.get(ja, "text.storm", r.logins(), r.users(), r.phones())).append('\n');
    sb.append(Messages.get(ja, "text.stormRate", r.loginsPerSecond(), r.seconds(), r.p50Ms(), r.p95Ms(), r.p99Ms()))
        .append('\n');
    sb.append(Messages.get(ja, "text.stormCpu", r.cpuSeconds(), r.loginsPerCpuSecond())).append('\n');
    if (r.failures() > 0) {
      sb.append(Messages.get(ja, "text.stormFailures", r.failures(), r.failureCodes())).append('\n');
    }
    return sb.toString();
  }
}
