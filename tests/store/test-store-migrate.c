/* test-store-migrate.c: every past schema, migrated, equals a new one.
 *
 * tests/store/fixtures/schema-vN.sql is a dump of a notebook written by
 * the release whose schema was version N, with some data. To add one
 * when the schema changes, run (before changing it):
 *
 *   test-store-migrate --write-fixture tests/store/fixtures/schema-vN.sql
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "store-test-util.h"

/* Tables in the order their rows can be inserted (references first). */
static const char * const data_tables[] = {
  "people", "tags", "events", "event_people", "entries", "profile", NULL
};

static void
dump_table (sqlite3    *db,
            const char *table,
            GString    *out)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autofree char *info_sql = g_strdup_printf ("PRAGMA table_info (%s)", table);
  g_autofree char *select_sql = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, info_sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      g_string_append_printf (columns, "%s%s", columns->len > 0 ? ", " : "", name);
      g_string_append_printf (values, "%squote (%s)", values->len > 0 ? " || ', ' || " : "", name);
    }
  sqlite3_finalize (stmt);

  select_sql = g_strdup_printf ("SELECT %s FROM %s ORDER BY 1", values->str, table);
  g_assert_cmpint (sqlite3_prepare_v2 (db, select_sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "INSERT INTO %s (%s) VALUES (%s);\n",
                            table, columns->str, sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
}

/* Schema (in creation order, without FTS5's own tables) with triggers
 * before the rows, so that loading the dump rebuilds the search index. */
static char *
dump_database (sqlite3 *db)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_string_append_printf (out,
                          "-- A Netbook notebook, schema version %d, written by test-store-migrate\n"
                          "-- --write-fixture. Load it on a connection that has nb_fold().\n"
                          "PRAGMA foreign_keys = OFF;\n"
                          "BEGIN TRANSACTION;\n",
                          (int) test_sqlite_int (db, "PRAGMA user_version"));

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"
                                       " AND NOT (type = 'table' AND name LIKE 'search\\_%' ESCAPE '\\')"
                                       " ORDER BY rowid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s;\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  for (guint i = 0; data_tables[i] != NULL; i++)
    dump_table (db, data_tables[i], out);

  g_string_append_printf (out,
                          "PRAGMA user_version = %d;\n"
                          "PRAGMA application_id = %d;\n"
                          "COMMIT;\n",
                          (int) test_sqlite_int (db, "PRAGMA user_version"),
                          (int) test_sqlite_int (db, "PRAGMA application_id"));

  return g_strdup (out->str);
}

static int
write_fixture (const char *dest)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;

  test_fill_sample (store);
  dump = dump_database (store->db);

  g_file_set_contents (dest, dump, -1, &error);
  g_assert_no_error (error);

  return 0;
}

/* A notebook file made from @fixture, as the old release left it. */
static char *
load_fixture (const char *fixture)
{
  g_autofree char *base = g_path_get_basename (fixture);
  g_autofree char *path = test_scratch_path (base);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);

  db = test_sqlite_open (path);
  test_sqlite_exec (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return g_steal_pointer (&path);
}

static char *
fresh_schema (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();

  return test_dump_schema (store->db);
}

static void
test_fixtures (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "store", "fixtures", NULL);
  g_autofree char *expected = fresh_schema ();
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_fixtures = 0;

  d = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *fixture = NULL;
      g_autofree char *path = NULL;
      g_autofree char *backup = NULL;
      g_autofree char *schema = NULL;
      g_autoptr(NbStore) store = NULL;
      g_autoptr(GPtrArray) hits = NULL;
      g_autoptr(GPtrArray) people = NULL;
      guint64 version;
      sqlite3 *db;

      if (!g_str_has_prefix (name, "schema-v") || !g_str_has_suffix (name, ".sql"))
        continue;

      g_test_message ("fixture %s", name);
      version = g_ascii_strtoull (name + strlen ("schema-v"), NULL, 10);
      g_assert_cmpuint (version, >=, 1);
      g_assert_cmpuint (version, <=, NB_STORE_SCHEMA_VERSION);
      n_fixtures++;

      fixture = g_build_filename (dir, name, NULL);
      path = load_fixture (fixture);

      db = test_sqlite_open (path);
      g_assert_cmpint (test_sqlite_int (db, "PRAGMA user_version"), ==, (gint64) version);
      g_assert_cmpint (test_sqlite_int (db, "PRAGMA application_id"), ==, NB_STORE_APPLICATION_ID);
      sqlite3_close (db);

      store = nb_store_open (path, &error);
      g_assert_no_error (error);

      schema = test_dump_schema (store->db);
      g_assert_cmpstr (schema, ==, expected);
      g_assert_cmpint (test_sqlite_int (store->db, "PRAGMA user_version"), ==, NB_STORE_SCHEMA_VERSION);
      g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM pragma_foreign_key_check"), ==, 0);

      /* A copy was taken before migrating, and only then. */
      backup = g_strdup_printf ("%s.before-v%d.bak", path, NB_STORE_SCHEMA_VERSION);
      g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS) == (version < NB_STORE_SCHEMA_VERSION));

      /* The data came along, and search finds it. */
      people = nb_store_list_people (store, NULL, TRUE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (people->len, >=, 3);
      hits = nb_store_search (store, "angstrom", 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 1);
    }

  g_assert_cmpuint (n_fixtures, >=, 1);
}

static gboolean
migrate_to_v2 (sqlite3     *db,
               const char  *path,
               GError     **error)
{
  return _nb_db_exec (db, path, "ALTER TABLE people ADD COLUMN nickname TEXT NOT NULL DEFAULT ''", error);
}

static gboolean
migrate_to_v2_failing (sqlite3     *db,
                       const char  *path,
                       GError     **error)
{
  if (!_nb_db_exec (db, path, "CREATE TABLE half_done (x)", error))
    return FALSE;

  return _nb_db_exec (db, path, "INSERT INTO no_such_table VALUES (1)", error);
}

static char *
make_v1_notebook (void)
{
  g_autofree char *path = test_scratch_path ("v1.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(NbStore) store = nb_store_open (path, &error);

  g_assert_no_error (error);
  test_fill_sample (store);

  return g_steal_pointer (&path);
}

static void
test_backup_before_migration (void)
{
  const NbMigrationFunc steps[] = { NULL, _nb_store_migrations[1], migrate_to_v2 };
  g_autofree char *path = make_v1_notebook ();
  g_autofree char *backup = g_strdup_printf ("%s.before-v2.bak", path);
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  sqlite3 *db;

  store = _nb_store_open_with_migrations (path, steps, G_N_ELEMENTS (steps), &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sqlite_int (store->db, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM pragma_table_info ('people')"
                                               " WHERE name = 'nickname'"), ==, 1);
  g_clear_object (&store);

  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  db = test_sqlite_open (backup);
  g_assert_cmpint (test_sqlite_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (test_sqlite_int (db, "PRAGMA application_id"), ==, NB_STORE_APPLICATION_ID);
  g_assert_cmpint (test_sqlite_int (db, "SELECT count (*) FROM people"), ==, 3);
  g_assert_cmpint (test_sqlite_int (db, "SELECT count (*) FROM pragma_table_info ('people')"
                                        " WHERE name = 'nickname'"), ==, 0);
  sqlite3_close (db);

  /* This release cannot read what the next one wrote, and says so. */
  store = nb_store_open (path, &error);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_TOO_NEW);
}

static void
test_failed_migration (void)
{
  const NbMigrationFunc steps[] = { NULL, _nb_store_migrations[1], migrate_to_v2_failing };
  g_autofree char *path = make_v1_notebook ();
  g_autofree char *backup = g_strdup_printf ("%s.before-v2.bak", path);
  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  db = test_sqlite_open (path);
  schema_before = test_dump_schema (db);
  sqlite3_close (db);

  store = _nb_store_open_with_migrations (path, steps, G_N_ELEMENTS (steps), &error);
  g_assert_null (store);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, backup));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* All or nothing: no half-made table, still version 1. */
  db = test_sqlite_open (path);
  schema_after = test_dump_schema (db);
  g_assert_cmpint (test_sqlite_int (db, "PRAGMA user_version"), ==, 1);
  sqlite3_close (db);
  g_assert_cmpstr (schema_before, ==, schema_after);

  g_clear_error (&error);
  store = nb_store_open (path, &error);
  g_assert_no_error (error);
}

/* Every NbPerson field has its column, named by its key. */
static void
test_person_columns (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();

  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM pragma_table_info ('people')"
                                              " WHERE name = '%s'",
                                              nb_person_field_get_key ((NbPersonField) i));

      g_assert_cmpint (test_sqlite_int (store->db, sql), ==, 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--write-fixture"))
    return write_fixture (argv[2]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/migrate/fixtures", test_fixtures);
  g_test_add_func ("/store/migrate/backup-before-migration", test_backup_before_migration);
  g_test_add_func ("/store/migrate/failed-migration", test_failed_migration);
  g_test_add_func ("/store/migrate/person-columns", test_person_columns);

  return g_test_run ();
}
