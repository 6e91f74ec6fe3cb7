package dev.emcc.bench;

/**
 * One measured figure beside its baseline measured in the same run. {@code goal} says what issue 7
 * asks of it (null when nothing), {@code met} whether the median meets it (null when not judged);
 * {@code skipped} says why a figure could not be measured here (then the samples are empty).
 */
public record Figure(String id, String description, String unit, Samples measured, String baselineDescription,
    Samples baseline, String goal, Boolean met, String note, String skipped) {

  /** Median of the measured figure over the median of its baseline (NaN without a baseline). */
  public double ratio() {
    if (baseline == null || baseline.isEmpty() || measured.isEmpty() || baseline.median() == 0) {
      return Double.NaN;
    }
    return measured.median() / baseline.median();
  }

  static Figure skipped(String id, String description, String goal, String why) {
    return new Figure(id, description, "ms", new Samples(), null, null, goal, null, null, why);
  }
}
