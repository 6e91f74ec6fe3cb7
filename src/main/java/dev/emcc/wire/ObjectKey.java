package dev.emcc.wire;

/**
 * One object of a cluster document: an element of one of its arrays ({@code phones/SEP00AA...},
 * keyed by name, userId or clusterId) or one of its single settings ({@code settings/trustStores}).
 */
public record ObjectKey(String collection, String name) implements Comparable<ObjectKey> {
  public ObjectKey {
    if (collection == null || collection.isEmpty() || name == null || name.isEmpty()) {
      throw new IllegalArgumentException("an object needs a collection and a name");
    }
  }

  // by collection, then name; written out (and equals/hashCode too) because maps and sorts of a
  // full push call them millions of times
  @Override
  public int compareTo(ObjectKey o) {
    int c = collection.compareTo(o.collection);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof ObjectKey k && name.equals(k.name) && collection.equals(k.collection);
  }

  @Override
  public int hashCode() {
    return 31 * collection.hashCode() + name.hashCode();
  }

  @Override
  public String toString() {
    return collection + "/" + name;
  }
}
