package dev.emcc.certs;

/** Receives the steps of a long certificate job (the UI wraps it in a Task, the CLI prints it). */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = p -> { };

  void onProgress(Progress progress);
}
