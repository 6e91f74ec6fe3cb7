package dev.emcc.ui.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Workspace;
import dev.emcc.sim.SimulationResult;
import dev.emcc.sim.Step;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The trainer's session over the wire gives what it gives in process, attempt after attempt: the
 * same sequence of logins, logouts and faults on the demo workspace, compared step by step.
 */
class TrainerSessionTest {
  private static final String PHONE = "SEP00AABBCC0201";
  private static final Workspace SAVED = DemoWorkspace.create();

  /** One attempt of the sequence: login or logout, with these faults. */
  private record Move(boolean logout, Set<Fault> faults) {
    static Move logon(Fault... faults) {
      return new Move(false, faults.length == 0 ? EnumSet.noneOf(Fault.class) : EnumSet.of(faults[0], faults));
    }

    static Move logoff() {
      return new Move(true, EnumSet.noneOf(Fault.class));
    }
  }

  private static SimulationResult play(TrainerSession s, Move m) {
    Fault.Attempt typed = new Fault.Attempt(DemoWorkspace.OSAKA, PHONE, "alice", DemoWorkspace.pin("alice"), null);
    Fault.Attempt a = Fault.apply(m.faults(), typed);
    return s.attempt(m.logout(), Fault.apply(m.faults(), SAVED, a), m.faults(), a);
  }

  @Test
  void everyFaultGivesTheSameResultOverTheWireAsInProcessAfterASuccessfulLogin() {
    List<Move> moves = new ArrayList<>();
    moves.add(Move.logon());
    moves.add(Move.logoff());
    for (Fault f : Fault.values()) {
      // a clean login first (its TLS connection stays open), then the fault, then a clean logout
      moves.add(Move.logon());
      moves.add(Move.logoff());
      moves.add(Move.logon(f));
      moves.add(Move.logoff());
    }
    try (TrainerSession inProcess = TrainerSession.inProcess(); TrainerSession live = TrainerSession.live()) {
      assertThat(live.isLive()).isTrue();
      assertThat(live.isFresh()).isTrue();
      for (int i = 0; i < moves.size(); i++) {
        Move m = moves.get(i);
        SimulationResult expected = play(inProcess, m);
        SimulationResult wire = play(live, m);
        String why = "move " + i + " " + m + "\n in process: " + expected.steps() + "\n live: " + wire.steps();
        assertThat(wire.result()).as(why).isEqualTo(expected.result());
        assertThat(wire.code()).as(why).isEqualTo(expected.code());
        assertThat(wire.phoneDisplay()).as(why).isEqualTo(expected.phoneDisplay());
        assertThat(wire.emccDevice()).as(why).isEqualTo(expected.emccDevice());
        assertThat(hops(wire)).as(why).isEqualTo(hops(expected));
        assertThat(live.session().sessions()).as(why).hasSameSizeAs(inProcess.session().sessions());
      }
      assertThat(live.isFresh()).isFalse();
    }
  }

  @Test
  void aMissingCertificateAndADownWanFailOverTheWireWhileAliceStaysLoggedInElsewhere() {
    try (TrainerSession live = TrainerSession.live()) {
      assertThat(play(live, Move.logon()).isSuccess()).isTrue();
      assertThat(play(live, Move.logoff()).isSuccess()).isTrue();
      assertThat(play(live, Move.logon()).isSuccess()).isTrue();
      assertThat(live.session().sessionOnPhone(PHONE)).isPresent();
      assertThat(play(live, Move.logoff()).isSuccess()).isTrue();

      SimulationResult noCert = play(live, Move.logon(Fault.CERTIFICATE_MISSING));
      assertThat(noCert.code()).as(noCert.steps().toString()).isEqualTo(208);
      SimulationResult wanDown = play(live, Move.logon(Fault.WAN_DOWN));
      assertThat(wanDown.code()).as(wanDown.steps().toString()).isEqualTo(208);
      // the faults gone, the same session logs alice in again
      assertThat(play(live, Move.logon()).isSuccess()).isTrue();
    }
  }

  private static List<String> hops(SimulationResult r) {
    return r.steps().stream().map(TrainerSessionTest::hop).toList();
  }

  private static String hop(Step s) {
    return s.from() + ">" + s.to() + ":" + s.check() + ":" + s.ok();
  }
}
