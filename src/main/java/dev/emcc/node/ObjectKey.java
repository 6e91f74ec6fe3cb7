package dev.emcc.node;

import java.util.Comparator;

/**
 * One object of a cluster document: an element of one of its arrays ({@code phones/SEP00AA...},
 * keyed by name, userId or clusterId) or one of its single settings ({@code settings/trustStores}).
 */
public record ObjectKey(String collection, String name) implements Comparable<ObjectKey> {
  private static final Comparator<ObjectKey> ORDER =
      Comparator.comparing(ObjectKey::collection).thenComparing(ObjectKey::name);

  public ObjectKey {
    if (collection == null || collection.isEmpty() || name == null || name.isEmpty()) {
      throw new IllegalArgumentException("an object needs a collection and a name");
    }
  }

  @Override
  public int compareTo(ObjectKey o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return collection + "/" + name;
  }
}
