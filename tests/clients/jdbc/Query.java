/* SPDX-License-Identifier: MIT */
/*
 * Query.java -- a minimal JDBC client for tests/clients/jdbc.test.
 *
 *   java Query URL [KEY=VALUE ...] -- ARG ...
 *
 * Opens one connection to URL with the driver properties KEY=VALUE (as a
 * tool such as DBeaver passes them), then for each ARG:
 *   tables   prints DatabaseMetaData.getTables(): "TYPE NAME" per table
 *   SQL      runs it and prints each row, columns joined by "|" (NULL as
 *            "null"); an SQLException prints "error: " and its message
 */
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

public class Query {
  public static void main(String[] args) throws SQLException {
    Properties props = new Properties();
    int i = 1;
    for (; i < args.length && !args[i].equals("--"); i++) {
      String[] kv = args[i].split("=", 2);
      props.setProperty(kv[0], kv[1]);
    }
    try (Connection conn = DriverManager.getConnection(args[0], props)) {
      for (i++; i < args.length; i++) {
        if (args[i].equals("tables")) {
          DatabaseMetaData meta = conn.getMetaData();
          try (ResultSet rs = meta.getTables(null, null, "%", null)) {
            while (rs.next()) {
              System.out.println(rs.getString("TABLE_TYPE") + " " + rs.getString("TABLE_NAME"));
            }
          }
          continue;
        }
        try (Statement st = conn.createStatement()) {
          if (st.execute(args[i])) {
            try (ResultSet rs = st.getResultSet()) {
              int n = rs.getMetaData().getColumnCount();
              while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= n; c++) {
                  if (c > 1) row.append('|');
                  row.append(rs.getString(c));
                }
                System.out.println(row);
              }
            }
          }
        } catch (SQLException e) {
          System.out.println("error: " + e.getMessage());
        }
      }
    }
  }
}
