package dev.emcc.axl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Cluster;
import dev.emcc.model.Geolocation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plans against the last pull: the cluster's own adds and removes are conflicts, settled either side on request. */
class AxlPlanTest {
  @Test
  void anObjectTheClusterRemovedOrAddedSinceThePullIsAConflictAndKeepClusterTakesItsSide() throws Exception {
    Cluster pulled = DemoWorkspace.create().cluster(DemoWorkspace.TOKYO).orElseThrow();
    List<Geolocation> geos = new ArrayList<>(pulled.geolocations());
    geos.add(Geolocation.of("GEO_NEW", "JP", "Kanagawa", "Yokohama"));
    Cluster remote = pulled.withGeolocations(geos)
        .withEndUsers(pulled.endUsers().stream().filter(u -> !u.userId().equals("bob")).toList());
    Cluster local = pulled;

    AxlPlan plan = AxlPlan.of(local, remote, pulled);
    assertEquals(List.of("ADD User bob", "REMOVE GeoLocation GEO_NEW"),
        plan.steps().stream().map(s -> s.action() + " " + s.what() + " " + s.name()).toList());
    assertEquals(2, plan.conflicts().size());
    assertTrue(AxlPush.run(null, plan, AxlProgress.NONE).applied().isEmpty(), "conflicts are never sent");

    Cluster settled = local;
    for (AxlPlan.Step conflict : plan.conflicts()) {
      settled = AxlPlan.takeCluster(settled, remote, conflict, null);
    }
    assertTrue(settled.endUser("bob").isEmpty());
    assertTrue(settled.geolocation("GEO_NEW").isPresent());
    assertTrue(AxlPlan.of(settled, remote, remote).isEmpty());

    // without a pulled state nothing is a conflict: the workspace's side is pushed
    AxlPlan blind = AxlPlan.of(local, remote, null);
    assertTrue(blind.conflicts().isEmpty());
    assertEquals(false, blind.withPulledState());
  }

  @Test
  void aConflictIsSettledOneFieldAtATimeEitherSide() throws Exception {
    Cluster pulled = DemoWorkspace.create().cluster(DemoWorkspace.TOKYO).orElseThrow();
    dev.emcc.model.Phone p = pulled.phones().get(0);
    Cluster remote = pulled.withPhones(replace(pulled.phones(), 0, new dev.emcc.model.Phone(p.name(), "cluster's",
        p.model(), p.protocol(), false, p.subscribedServices(), p.deviceSecurityMode(), p.devicePool(), p.geolocation(),
        p.address())));
    Cluster local = pulled.withPhones(replace(pulled.phones(), 0, new dev.emcc.model.Phone(p.name(), "mine",
        p.model(), p.protocol(), true, p.subscribedServices(), p.deviceSecurityMode(), p.devicePool(), p.geolocation(),
        p.address())));
    AxlPlan plan = AxlPlan.of(local, remote, pulled);
    AxlPlan.Step step = plan.conflicts().get(0);
    assertEquals(List.of("description", "enableExtensionMobility"), step.fields().stream()
        .filter(AxlPlan.FieldChange::conflict).map(AxlPlan.FieldChange::key).toList());

    // take the cluster's description: only that field changes in the workspace, the other still conflicts
    AxlPlan.FieldChange description = step.fields().get(0);
    Cluster taken = AxlPlan.takeCluster(local, remote, step, description);
    assertEquals("cluster's", taken.phones().get(0).description());
    assertTrue(taken.phones().get(0).enableExtensionMobility());
    AxlPlan next = AxlPlan.of(taken, remote, pulled);
    assertEquals(List.of("enableExtensionMobility"), next.conflicts().get(0).fields().stream()
        .map(AxlPlan.FieldChange::key).toList());

    // keep mine for the other: the pulled state takes the cluster's value, so the plan pushes mine over it
    AxlPlan.Step left = next.conflicts().get(0);
    Cluster kept = AxlPlan.keepMine(pulled, remote, left, left.fields().get(0));
    AxlPlan last = AxlPlan.of(taken, remote, kept);
    assertTrue(last.conflicts().isEmpty());
    assertEquals(List.of("UPDATE Phone " + p.name()), last.steps().stream()
        .map(s -> s.action() + " " + s.what() + " " + s.name()).toList());
    assertEquals(List.of("enableExtensionMobility"), last.steps().get(0).fields().stream()
        .map(AxlPlan.FieldChange::key).toList());
  }

  private static <T> List<T> replace(List<T> list, int at, T value) {
    List<T> out = new ArrayList<>(list);
    out.set(at, value);
    return out;
  }
}
