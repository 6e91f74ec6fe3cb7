package dev.emcc.node;

/** A write for another cluster than the one this node serves. */
public class ClusterMismatchException extends Exception {
  public ClusterMismatchException(String served, String requested) {
    super("this node serves cluster " + served + ", not " + requested);
  }
}
