package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.LoginType;
import dev.emcc.model.PhoneService;
import dev.emcc.model.Versions;
import dev.emcc.model.Workspace;
import dev.emcc.schema.Field;
import dev.emcc.schema.PhoneServiceFields;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Task flow step 2b, the Extension Mobility phone service: each cluster has one
 * (emService.missing, 22), enabled (emService.disabled, 22 when no other is); its service URL, and
 * its secure URL when set, carry {@code device=#DEVICENAME#} (emService.deviceName: without it the
 * request has no device name, 207) and {@code EMCC=#EMCC#} (emService.emccParameter; the seed's own
 * misprint {@code EMCC=EMCC#} is named as such: emService.emccMisprint), an optional loginType that
 * is exactly UID, SP or DN ({@link LoginType}, emService.loginType, 215 from a 12.0 or later
 * cluster), and the secure URL uses https (emService.secureScheme, warning). Codes are predicted
 * for the Service URL, the one the simulated phone opens.
 */
public final class EmServiceUrlRule extends ClusterRule {
  public static final String MISSING = "emService.missing";
  public static final String DISABLED = "emService.disabled";
  public static final String DEVICE_NAME = "emService.deviceName";
  public static final String EMCC_PARAMETER = "emService.emccParameter";
  public static final String EMCC_MISPRINT = "emService.emccMisprint";
  public static final String LOGIN_TYPE = "emService.loginType";
  public static final String SECURE_SCHEME = "emService.secureScheme";

  private static final Map<String, Set<Integer>> PREDICTIONS = Map.of(MISSING, Set.of(22), DISABLED, Set.of(22), DEVICE_NAME, Set.of(207),
      LOGIN_TYPE, Set.of(215));

  @Override
  public Map<String, Set<Integer>> predictions() {
    return PREDICTIONS;
  }

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    boolean any = false;
    for (int i = 0; i < cl.phoneServices().size(); i++) {
      PhoneService s = cl.phoneServices().get(i);
      if (!s.isExtensionMobility()) {
        continue;
      }
      any = true;
      if (!Boolean.TRUE.equals(s.enabled())) {
        // the cluster's phones open no EM service: 22, as the simulator says (when it is the only one)
        boolean another = cl.extensionMobilityServices().stream().anyMatch(o -> o != s && Boolean.TRUE.equals(o.enabled()));
        out.error(DISABLED, cl.clusterId(), Paths.item(c, "phoneServices", i, "enabled"), another ? null : 22,
            Fix.at(PhoneServiceFields.ENABLED, s.name()), s.name());
      }
      url(out, cl, c, i, s, s.serviceUrl(), PhoneServiceFields.SERVICE_URL);
      if (!Blank.is(s.secureServiceUrl())) {
        url(out, cl, c, i, s, s.secureServiceUrl(), PhoneServiceFields.SECURE_SERVICE_URL);
        if (!s.secureServiceUrl().trim().toLowerCase(Locale.ROOT).startsWith("https://")) {
          out.warning(SECURE_SCHEME, cl.clusterId(), Paths.item(c, "phoneServices", i, "secureServiceUrl"), null,
              Fix.at(PhoneServiceFields.SECURE_SERVICE_URL, s.name()), s.name());
        }
      }
    }
    if (!any) {
      out.error(MISSING, cl.clusterId(), Paths.of(c, "phoneServices"), 22,
          Fix.at(PhoneServiceFields.SERVICE_URL, null), cl.clusterId());
    }
  }

  private static void url(Findings out, Cluster cl, int c, int i, PhoneService s, String url, Field field) {
    String path = Paths.item(c, "phoneServices", i, field.key());
    Fix fix = Fix.at(field, s.name());
    String device = PhoneService.queryParameter(url, "device").orElse(null);
    // the simulated phone opens the Service URL: only there does a missing tag fail the login
    boolean opened = field == PhoneServiceFields.SERVICE_URL;
    if (!"#DEVICENAME#".equals(device)) {
      out.error(DEVICE_NAME, cl.clusterId(), path, opened ? 207 : null, fix, s.name(), device == null ? "" : device);
    }
    String emcc = PhoneService.queryParameter(url, "EMCC").orElse(null);
    if ("EMCC#".equals(emcc)) {
      out.error(EMCC_MISPRINT, cl.clusterId(), path, null, fix, s.name());
    } else if (!"#EMCC#".equals(emcc)) {
      out.error(EMCC_PARAMETER, cl.clusterId(), path, null, fix, s.name(), emcc == null ? "" : emcc);
    }
    String loginType = PhoneService.queryParameter(url, "loginType").orElse(null);
    if (loginType != null && LoginType.parse(loginType).isEmpty()) {
      // a cluster older than 12.0 ignores loginType (seed table 5): no login fails there
      Integer code = opened && Versions.atLeast(cl.version(), "12.0") ? 215 : null;
      out.error(LOGIN_TYPE, cl.clusterId(), path, code, fix, s.name(), loginType);
    }
  }
}
