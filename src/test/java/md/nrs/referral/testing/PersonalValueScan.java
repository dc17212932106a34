package md.nrs.referral.testing;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The leak scan: every table of the database (schema PUBLIC on H2, public on PostgreSQL), every column, every
 * row, for recognisable personal values; the vault's sealed columns hold only ciphertext, so any hit is a leak.
 */
public final class PersonalValueScan {

  private final DataSource dataSource;
  private final List<String> markers;

  public PersonalValueScan(DataSource dataSource, List<String> markers) {
    this.dataSource = dataSource;
    this.markers = markers.stream().map(String::toLowerCase).toList();
  }

  /** Table to the columns in which a marker appears; empty when nothing leaked. */
  public Map<String, List<String>> everyTable() throws Exception {
    Map<String, List<String>> found = new LinkedHashMap<>();
    for (String table : tables()) {
      List<String> columns = table(table);
      if (!columns.isEmpty()) {
        found.put(table, columns);
      }
    }
    return found;
  }

  public List<String> tables() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        ResultSet rows = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rows.next()) {
        String schema = rows.getString("TABLE_SCHEM");
        if (schema != null && schema.equalsIgnoreCase("public")) {
          tables.add(rows.getString("TABLE_NAME"));
        }
      }
    }
    return tables;
  }

  /** The columns of one table in which a marker appears. */
  public List<String> table(String table) throws Exception {
    List<String> hits = new ArrayList<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select * from \"" + table + "\"")) {
      ResultSetMetaData meta = rows.getMetaData();
      while (rows.next()) {
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          String text = text(rows.getObject(i));
          if (text != null && markers.stream().anyMatch(text.toLowerCase()::contains)) {
            hits.add(meta.getColumnName(i));
          }
        }
      }
    }
    return hits;
  }

  private static String text(Object value) throws Exception {
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof Blob blob) {
      return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
    }
    if (value instanceof Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    return value == null ? null : value.toString();
  }
}
