/**
 * A generated application source tree for bench/app-code.ts: C#, Java,
 * Python and TypeScript files of about 20 KB. Roughly one line in twelve
 * is part of a SQL string, next to comments, prose strings, escapes and
 * interpolation, as in a data-access layer.
 */

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const FILE_BYTES = 20 * 1024;

type Block = (n: number) => string;

const CSHARP: Block = (n) => `
    // Loads order ${n}; "quotes" and SELECT in a comment are not SQL.
    public Order Load${n}(SqlConnection connection, int id)
    {
        var label = "Order ${n}: \\"pending\\" since " + DateTime.Now.ToString("yyyy-MM-dd");
        var command = new SqlCommand(@"SELECT o.Id, o.Name, o.Total
FROM dbo.Orders${n} o WITH (NOLOCK)
WHERE o.Id = @id AND o.Note <> ""x""", connection);
        command.Parameters.AddWithValue("@id", id);
        var raw = $"""
            UPDATE dbo.Orders${n} SET Seen = GETDATE() WHERE Id = {id}
            """;
        return connection.QuerySingle<Order>($"SELECT TOP 1 * FROM dbo.Orders${n} WHERE Id = {id}");
    }
`;

const JAVA: Block = (n) => `
    /* Loads order ${n}: "SELECT" here is a comment. */
    public Order load${n}(Connection c, long id) throws SQLException {
        String label = "Order ${n} \\"pending\\"";
        PreparedStatement ps = c.prepareStatement("SELECT id, name, total FROM orders${n} " +
            "WHERE id = ? AND region = " + region);
        String block = """
            UPDATE orders${n}
               SET seen = CURRENT_TIMESTAMP
             WHERE id = ?
            """;
        char quote = '"';
        return map(ps.executeQuery());
    }
`;

const PYTHON: Block = (n) => `
    def load_${n}(self, cursor, order_id):
        """Load order ${n}; select the rows you want."""
        # cursor.execute("SELECT * FROM not_this")
        label = f"Order {order_id}: {{pending}}"
        cursor.execute(
            "SELECT id, name, total "
            "FROM dbo.orders_${n} WITH (NOLOCK) "
            r"WHERE id = ? AND path LIKE 'C:\\temp\\%'",
            order_id,
        )
        sql = f"""
UPDATE dbo.orders_${n} SET seen = GETDATE() WHERE id = {order_id}
"""
        return cursor.execute(sql)
`;

const TYPESCRIPT: Block = (n) => `
  // Loads order ${n}: "SELECT" in a comment.
  async load${n}(pool: Pool, id: number, status: string) {
    const pattern = /it's "quoted"/g;
    const ratio = id / 2;
    const label = \`Order \${id}: \${status === "open" ? \`'\${status}'\` : "closed"}\`;
    const result = await pool.request().query(\`SELECT TOP (\${id}) id, name
FROM dbo.Orders${n} WITH (NOLOCK)
WHERE status = '\${status}'\`);
    return knex.raw('SELECT COUNT(*) AS n FROM dbo.Orders${n} WHERE note = \\'x\\'');
  }
`;

const LANGUAGES: readonly { ext: string; head: string; tail: string; block: Block }[] = [
  { ext: "cs", head: "using System;\nnamespace Shop\n{\n  public class Repo\n  {\n", tail: "  }\n}\n", block: CSHARP },
  { ext: "java", head: "package shop;\n\npublic class Repo {\n", tail: "}\n", block: JAVA },
  { ext: "py", head: "import pyodbc\n\n\nclass Repo:\n", tail: "", block: PYTHON },
  { ext: "ts", head: "import sql from 'mssql';\n\nexport class Repo {\n", tail: "}\n", block: TYPESCRIPT },
];

/** Writes files under `root` until they hold `bytes`; returns the bytes and files written. */
export function writeSourceTree(root: string, bytes: number): { bytes: number; files: number } {
  let written = 0;
  let files = 0;
  let n = 0;
  while (written < bytes) {
    const language = LANGUAGES[files % LANGUAGES.length]!;
    const parts = [language.head];
    let size = language.head.length;
    while (size < FILE_BYTES) {
      const block = language.block(n++);
      parts.push(block);
      size += block.length;
    }
    parts.push(language.tail);
    const folder = join(root, `module${Math.floor(files / 100)}`);
    mkdirSync(folder, { recursive: true });
    const text = parts.join("");
    writeFileSync(join(folder, `Repo${files}.${language.ext}`), text);
    written += Buffer.byteLength(text);
    files++;
  }
  return { bytes: written, files };
}
