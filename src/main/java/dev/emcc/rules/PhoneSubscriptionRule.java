package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.Phone;
import dev.emcc.model.PhoneService;
import dev.emcc.model.Workspace;
import dev.emcc.schema.PhoneFields;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Task flow step 2e: a phone has Enable Extension Mobility on (phone.emDisabled: a warning, since
 * not every phone is meant for EM, but a login there fails with 22) and is subscribed to the EM
 * service unless that service has Enterprise Subscription (phone.notSubscribed, 22 too: the phone
 * opens no EM service).
 */
public final class PhoneSubscriptionRule extends ClusterRule {
  public static final String EM_DISABLED = "phone.emDisabled";
  public static final String NOT_SUBSCRIBED = "phone.notSubscribed";

  private static final Map<String, Set<Integer>> PREDICTIONS = Map.of(EM_DISABLED, Set.of(22), NOT_SUBSCRIBED, Set.of(22));

  @Override
  public Map<String, Set<Integer>> predictions() {
    return PREDICTIONS;
  }

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    List<PhoneService> em = cl.phoneServices().stream().filter(PhoneService::isExtensionMobility).toList();
    NameIndex emServices = NameIndex.of(em, PhoneService::name);
    boolean enterprise = em.stream().anyMatch(PhoneService::enterpriseSubscription);
    String firstEm = em.isEmpty() ? null : em.get(0).name();
    for (int i = 0; i < cl.phones().size(); i++) {
      Phone p = cl.phones().get(i);
      if (!p.enableExtensionMobility()) {
        out.warning(EM_DISABLED, cl.clusterId(), Paths.item(c, "phones", i, "enableExtensionMobility"), 22,
            Fix.at(PhoneFields.ENABLE_EXTENSION_MOBILITY, p.name()), p.name());
        continue;
      }
      if (enterprise || em.isEmpty()) {
        continue; // no EM service at all is emService.missing
      }
      boolean subscribed = false;
      for (String s : p.subscribedServices()) {
        subscribed |= emServices.contains(s);
      }
      if (!subscribed) {
        // the phone opens no EM service: the seed's 22 (the Services button on a phone without EM)
        out.error(NOT_SUBSCRIBED, cl.clusterId(), Paths.item(c, "phones", i, "subscribedServices"), 22,
            Fix.at(PhoneFields.SUBSCRIBED_SERVICES, p.name()), p.name(), firstEm);
      }
    }
  }
}
