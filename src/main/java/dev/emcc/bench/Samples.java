package dev.emcc.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Repeated measurements of one thing, in milliseconds (or megabytes, for memory). */
public final class Samples {
  private final List<Double> values = new ArrayList<>();

  public void add(double value) {
    values.add(value);
  }

  public void addNanos(long nanos) {
    values.add(nanos / 1e6);
  }

  public int n() {
    return values.size();
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The middle value (the mean of the two middle ones for an even count). */
  public double median() {
    List<Double> s = sorted();
    int n = s.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  public double min() {
    return values.isEmpty() ? Double.NaN : Collections.min(values);
  }

  public double max() {
    return values.isEmpty() ? Double.NaN : Collections.max(values);
  }

  public List<Double> values() {
    return List.copyOf(values);
  }

  private List<Double> sorted() {
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    return s;
  }
}
