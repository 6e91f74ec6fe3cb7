package dev.emcc.store;

/**
 * A workspace the store cannot keep as it is: an object without its key (name, userId, clusterId)
 * or two objects of one collection with the same key. Says where, as a JSON path.
 */
public class InvalidWorkspaceException extends IllegalArgumentException {
  private final String path;

  public InvalidWorkspaceException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
  }

  /** The JSON path of the offending value, such as {@code $.clusters[0].phones[3].name}. */
  public String path() {
    return path;
  }
}
