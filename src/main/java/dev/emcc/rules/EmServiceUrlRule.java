package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.PhoneService;
import dev.emcc.model.Workspace;
import dev.emcc.schema.Field;
import dev.emcc.schema.PhoneServiceFields;
import java.util.Locale;
import java.util.Set;

/**
 * Task flow step 2b, the Extension Mobility phone service: each cluster has one
 * (emService.missing), enabled (emService.disabled); its service URL, and its secure URL when set,
 * carry {@code device=#DEVICENAME#} (emService.deviceName: without it the request has no device
 * name, 207) and {@code EMCC=#EMCC#} (emService.emccParameter; the seed's own misprint
 * {@code EMCC=EMCC#} is named as such: emService.emccMisprint), an optional loginType that is
 * exactly UID, SP or DN as CUCM compares it (emService.loginType, 215), and the secure URL uses
 * https (emService.secureScheme, warning).
 */
public final class EmServiceUrlRule extends ClusterRule {
  public static final String MISSING = "emService.missing";
  public static final String DISABLED = "emService.disabled";
  public static final String DEVICE_NAME = "emService.deviceName";
  public static final String EMCC_PARAMETER = "emService.emccParameter";
  public static final String EMCC_MISPRINT = "emService.emccMisprint";
  public static final String LOGIN_TYPE = "emService.loginType";
  public static final String SECURE_SCHEME = "emService.secureScheme";

  /** The loginType values the EMApp accepts, case as CUCM compares them. */
  public static final Set<String> LOGIN_TYPES = Set.of("UID", "SP", "DN");

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
        out.error(DISABLED, cl.clusterId(), Paths.item(c, "phoneServices", i, "enabled"), null,
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
      out.error(MISSING, cl.clusterId(), Paths.of(c, "phoneServices"), null,
          Fix.at(PhoneServiceFields.SERVICE_URL, null), cl.clusterId());
    }
  }

  private static void url(Findings out, Cluster cl, int c, int i, PhoneService s, String url, Field field) {
    String path = Paths.item(c, "phoneServices", i, field.key());
    Fix fix = Fix.at(field, s.name());
    String device = PhoneService.queryParameter(url, "device").orElse(null);
    if (!"#DEVICENAME#".equals(device)) {
      out.error(DEVICE_NAME, cl.clusterId(), path, 207, fix, s.name(), device == null ? "" : device);
    }
    String emcc = PhoneService.queryParameter(url, "EMCC").orElse(null);
    if ("EMCC#".equals(emcc)) {
      out.error(EMCC_MISPRINT, cl.clusterId(), path, null, fix, s.name());
    } else if (!"#EMCC#".equals(emcc)) {
      out.error(EMCC_PARAMETER, cl.clusterId(), path, null, fix, s.name(), emcc == null ? "" : emcc);
    }
    String loginType = PhoneService.queryParameter(url, "loginType").orElse(null);
    if (loginType != null && !LOGIN_TYPES.contains(loginType)) {
      out.error(LOGIN_TYPE, cl.clusterId(), path, 215, fix, s.name(), loginType);
    }
  }
}
