package dev.emcc.store;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Work started on the common pool ahead of need and done by the thread that needs it when no
 * worker has begun it yet, so a busy pool never makes that thread wait: a save's JSON is
 * serialised, and its history packed, on the other cores while the writer inserts rows.
 */
final class Ahead<T> {
  private final Supplier<T> work;
  private final AtomicBoolean claimed = new AtomicBoolean();
  private final CountDownLatch done = new CountDownLatch(1);
  private T value;
  private volatile RuntimeException failure;

  private Ahead(Supplier<T> work) {
    this.work = work;
  }

  static <T> Ahead<T> start(Supplier<T> work) {
    Ahead<T> ahead = new Ahead<>(work);
    ForkJoinPool.commonPool().execute(ahead::claimAndRun);
    return ahead;
  }

  /** The result, waiting for (or doing) the work. */
  T get() {
    if (!claimAndRun()) {
      await();
    }
    if (failure != null) {
      throw failure;
    }
    return value;
  }

  /** Does the work unless another thread claimed it first; false then. */
  private boolean claimAndRun() {
    if (!claimed.compareAndSet(false, true)) {
      return false;
    }
    try {
      value = work.get();
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      done.countDown(); // publishes the value to the threads that await it
    }
    return true;
  }

  private void await() {
    boolean interrupted = false;
    while (true) {
      try {
        done.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // the caller goes on: its transaction is already open
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
