package dev.emcc.ui.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Workspace;
import dev.emcc.sim.ClusterFault;
import dev.emcc.sim.LoginAttempt;
import dev.emcc.sim.SimulationResult;
import dev.emcc.sim.SimulatorSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fault of the trainer's panel makes alice's login on an Osaka phone fail with its code. */
class FaultTest {
  private static final String PHONE = "SEP00AABBCC0201";
  private static final Map<Fault, Integer> EXPECTED = Map.ofEntries(
      Map.entry(Fault.WAN_DOWN, 208), Map.entry(Fault.EM_SERVICE_STOPPED, 208),
      Map.entry(Fault.CERTIFICATE_MISSING, 208), Map.entry(Fault.WRONG_PIN, 2), Map.entry(Fault.USER_EMCC_OFF, 31),
      Map.entry(Fault.DUPLICATE_DEVICE_NAME, 37), Map.entry(Fault.NO_FREE_EMCC_DEVICE, 33),
      Map.entry(Fault.SECURITY_MODE, 46), Map.entry(Fault.VERSION_CHANGE, 1), Map.entry(Fault.DATABASE_DOWN, 6),
      Map.entry(Fault.DIRECTORY_DOWN, 9), Map.entry(Fault.RIS_DOWN, 29), Map.entry(Fault.EM_APP_INIT_FAILED, 210));

  private static SimulationResult login(Set<Fault> faults) {
    Workspace saved = DemoWorkspace.create();
    Fault.Attempt a = Fault.apply(faults, new Fault.Attempt(DemoWorkspace.OSAKA, PHONE, "alice", "24680", null));
    SimulatorSession session = new SimulatorSession(Fault.apply(faults, saved, a));
    Fault.stage(faults, session, a.visitingCluster());
    return session.login(LoginAttempt.of(a.phone(), a.userId(), a.pin()).withVisitingCluster(a.visitingCluster())
        .withLoginType(a.loginType()));
  }

  @Test
  void withoutFaultsAliceLogsIn() {
    assertThat(login(EnumSet.noneOf(Fault.class)).isSuccess()).isTrue();
  }

  @Test
  void everyFaultGivesItsCode() {
    assertThat(EXPECTED).containsOnlyKeys(Fault.values());
    for (Fault f : Fault.values()) {
      SimulationResult r = login(EnumSet.of(f));
      assertThat(r.code()).as(f.name()).isEqualTo(EXPECTED.get(f));
    }
  }

  @Test
  void clusterFaultsAreStagedAndClearedWithThePanel() {
    SimulatorSession session = new SimulatorSession(DemoWorkspace.create());
    Fault.stage(EnumSet.of(Fault.DATABASE_DOWN, Fault.DIRECTORY_DOWN), session, DemoWorkspace.OSAKA);
    assertThat(session.faults(DemoWorkspace.OSAKA)).containsExactlyInAnyOrder(ClusterFault.DATABASE_DOWN,
        ClusterFault.DIRECTORY_DOWN);
    assertThat(session.faults(DemoWorkspace.TOKYO)).containsExactly(ClusterFault.DIRECTORY_DOWN);
    // a local user meets the visiting cluster's directory: 204
    Fault.stage(EnumSet.of(Fault.DIRECTORY_DOWN), session, DemoWorkspace.OSAKA);
    assertThat(session.login(LoginAttempt.of(PHONE, "carol", "86420")).code()).isEqualTo(204);
    Fault.stage(EnumSet.noneOf(Fault.class), session, DemoWorkspace.OSAKA);
    assertThat(session.faults(DemoWorkspace.OSAKA)).isEmpty();
    assertThat(session.faults(DemoWorkspace.TOKYO)).isEmpty();
  }

  @Test
  void faultsChangeACopyOnly() {
    Workspace saved = DemoWorkspace.create();
    Workspace before = DemoWorkspace.create();
    Fault.apply(EnumSet.allOf(Fault.class), saved, new Fault.Attempt(DemoWorkspace.OSAKA, PHONE, "alice", "1", null));
    assertThat(saved).isEqualTo(before);
  }

  @Test
  void logExportsAsCsvAndJson(@TempDir Path dir) throws IOException {
    List<AttemptRecord> log = List.of(new AttemptRecord("09:00:00", "login", "OSAKA/" + PHONE, "alice", "success", null,
        List.of(), null), new AttemptRecord("09:01:00", "login", "OSAKA/" + PHONE, "a,\"b\"", "failure", 2,
        List.of("WRONG_PIN"), AttemptRecord.LIVE));
    assertThat(log.get(0).live()).isFalse();
    assertThat(log.get(1).live()).isTrue();
    AttemptRecord.export(log, dir.resolve("log.csv"));
    assertThat(Files.readString(dir.resolve("log.csv"))).isEqualTo("time,action,phone,user,result,code,faults,mode\r\n"
        + "09:00:00,login,OSAKA/" + PHONE + ",alice,success,,,inProcess\r\n"
        + "09:01:00,login,OSAKA/" + PHONE + ",\"a,\"\"b\"\"\",failure,2,WRONG_PIN,live\r\n");
    AttemptRecord.export(log, dir.resolve("log.json"));
    assertThat(Files.readString(dir.resolve("log.json"))).contains("\"code\" : 2").contains("\"faults\" : [ \"WRONG_PIN\" ]")
        .contains("\"mode\" : \"live\"").contains("\"mode\" : \"inProcess\"").doesNotContain("\"live\" :");
  }
}
