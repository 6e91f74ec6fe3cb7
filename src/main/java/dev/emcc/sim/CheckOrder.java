package dev.emcc.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The order of the checks of an EMCC login, flattened into one list: the visiting checks
 * ({@link VisitingEmService#CHECKS}) with the home checks ({@link HomeEmService#CHECKS}) in place
 * where the visiting EMService forwards the login. Trainers teach from this order: it is written
 * down in docs/simulator.md and a test keeps the two the same. Do not reorder without updating both.
 */
public final class CheckOrder {
  private CheckOrder() {}

  /** One check as people see it: id, the hop, the codes it can give, its title in both languages. */
  public record Entry(int number, String id, String from, String to, List<Integer> codes, String title,
      String titleJa) {}

  public static List<Entry> login() {
    List<Entry> out = new ArrayList<>();
    for (Check<VisitingEmService.VisitingContext> c : VisitingEmService.CHECKS) {
      if (c.id().equals("visiting.homeLogin")) {
        for (Check<HomeEmService.HomeContext> h : HomeEmService.CHECKS) {
          out.add(entry(out.size() + 1, h.id(), h.from(), h.to(), h.codes()));
        }
      }
      out.add(entry(out.size() + 1, c.id(), c.from(), c.to(), c.codes()));
    }
    return List.copyOf(out);
  }

  public static List<Entry> logout() {
    return flat(VisitingEmService.LOGOUT_CHECKS);
  }

  /** "Log Out" in the visiting cluster's Phone Configuration window. */
  public static List<Entry> phoneWindowLogout() {
    return flat(VisitingEmService.PHONE_WINDOW_LOGOUT_CHECKS);
  }

  private static List<Entry> flat(List<Check<VisitingEmService.VisitingContext>> checks) {
    List<Entry> out = new ArrayList<>();
    for (Check<VisitingEmService.VisitingContext> c : checks) {
      out.add(entry(out.size() + 1, c.id(), c.from(), c.to(), c.codes()));
    }
    return List.copyOf(out);
  }

  private static Entry entry(int n, String id, String from, String to, List<Integer> codes) {
    return new Entry(n, id, from, to, codes, Messages.en("check." + id), Messages.ja("check." + id));
  }
}
