package dev.emcc.axl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code executeSQLQuery}: the mapping's queries for what AXL has no operation for, and their
 * answers as rows of column to text ({@code <row><name>EMCC1</name></row>}).
 */
public final class AxlSql {
  private AxlSql() {}

  /** The query's rows, each as its answer columns (lower case) to text, with the workspace's keys. */
  public static List<Map<String, String>> run(AxlClient client, AxlMapping.SqlQuery query) throws AxlException {
    XmlTree answer = client.call(new XmlTree("executeSQLQuery").add("sql", query.sql()));
    List<Map<String, String>> rows = new ArrayList<>();
    XmlTree ret = answer.child("return");
    for (XmlTree row : ret == null ? List.<XmlTree>of() : ret.all("row")) {
      Map<String, String> values = new LinkedHashMap<>();
      for (XmlTree column : row.children()) {
        String key = query.columns().get(column.name().toLowerCase(Locale.ROOT));
        if (key != null) {
          values.put(key, column.text());
        }
      }
      rows.add(values);
    }
    return rows;
  }

  /** A query as compared: case and runs of white space do not matter, nor a final semicolon. */
  public static String normalize(String sql) {
    String s = sql == null ? "" : sql.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    return s.endsWith(";") ? s.substring(0, s.length() - 1).trim() : s;
  }

  /** The mapping's query this SQL is, if it is one. */
  public static java.util.Optional<AxlMapping.SqlQuery> known(String sql) {
    String n = normalize(sql);
    return AxlMapping.get().queries().stream().filter(q -> normalize(q.sql()).equals(n)).findFirst();
  }
}
