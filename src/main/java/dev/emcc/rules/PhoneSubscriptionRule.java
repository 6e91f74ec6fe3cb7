package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.Phone;
import dev.emcc.model.PhoneService;
import dev.emcc.model.Workspace;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Task flow step 2e: a phone has Enable Extension Mobility on (phone.emDisabled: a warning, since
 * not every phone is meant for EM, but a login there fails with 22) and is subscribed to the EM
 * service unless that service has Enterprise Subscription (phone.notSubscribed).
 */
public final class PhoneSubscriptionRule implements Rule {
  public static final String EM_DISABLED = "phone.emDisabled";
  public static final String NOT_SUBSCRIBED = "phone.notSubscribed";

  @Override
  public List<Diagnostic> check(Workspace workspace, RuleContext context) {
    Findings out = new Findings();
    for (int c = 0; c < workspace.clusters().size(); c++) {
      Cluster cl = workspace.clusters().get(c);
      Set<String> emServices = new HashSet<>();
      boolean enterprise = false;
      String firstEm = null;
      for (PhoneService s : cl.phoneServices()) {
        if (s.isExtensionMobility() && s.name() != null) {
          emServices.add(s.name().toLowerCase(Locale.ROOT));
          enterprise |= s.enterpriseSubscription();
          firstEm = firstEm == null ? s.name() : firstEm;
        }
      }
      for (int i = 0; i < cl.phones().size(); i++) {
        Phone p = cl.phones().get(i);
        if (!p.enableExtensionMobility()) {
          out.warning(EM_DISABLED, cl.clusterId(), Paths.item(c, "phones", i, "enableExtensionMobility"), 22,
              new Fix(Windows.PHONE, p.name(), "enableExtensionMobility"), p.name());
          continue;
        }
        if (enterprise || emServices.isEmpty()) {
          continue; // no EM service at all is emService.missing
        }
        boolean subscribed = false;
        for (String s : p.subscribedServices()) {
          subscribed |= emServices.contains(s.toLowerCase(Locale.ROOT));
        }
        if (!subscribed) {
          out.error(NOT_SUBSCRIBED, cl.clusterId(), Paths.item(c, "phones", i, "subscribedServices"), null,
              new Fix(Windows.PHONE, p.name(), "subscribedServices"), p.name(), firstEm);
        }
      }
    }
    return out.list();
  }
}
