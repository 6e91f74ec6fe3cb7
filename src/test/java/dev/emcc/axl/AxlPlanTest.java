package dev.emcc.axl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Cluster;
import dev.emcc.model.Geolocation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plans against the last pull: the cluster's own adds and removes are conflicts, settled its way on request. */
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

    Cluster settled = plan.keepCluster(local, remote);
    assertTrue(settled.endUser("bob").isEmpty());
    assertTrue(settled.geolocation("GEO_NEW").isPresent());
    assertTrue(AxlPlan.of(settled, remote, remote).isEmpty());

    // without a pulled state nothing is a conflict: the workspace's side is pushed
    AxlPlan blind = AxlPlan.of(local, remote, null);
    assertTrue(blind.conflicts().isEmpty());
    assertEquals(false, blind.withPulledState());
  }
}
