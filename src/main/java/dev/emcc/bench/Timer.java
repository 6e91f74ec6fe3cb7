package dev.emcc.bench;

/** Runs a piece of work a number of times after one warm-up run (the JIT's), timing each run. */
final class Timer {
  private Timer() {}

  interface Work {
    void run(int run) throws Exception;
  }

  /** Run -1 is the warm-up and is not recorded. */
  static Samples time(int runs, Work work) throws Exception {
    Samples s = new Samples();
    for (int run = -1; run < runs; run++) {
      long t0 = System.nanoTime();
      work.run(run);
      long t = System.nanoTime() - t0;
      if (run >= 0) {
        s.addNanos(t);
      }
    }
    return s;
  }
}
