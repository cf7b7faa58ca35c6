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
  "people", "tags", "events", "event_people", "entries", "profile",
  "capture_drafts", NULL
};

/* A few bytes that look like the start of a PNG: photos are stored as
 * they came. */
static const guint8 sample_photo[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0x00, 0x00, 0x00, 0x0d, 0xff, 0x00, 0x7f
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

/* What version 2 added: a photo and an unfinished capture. */
static void
fill_sample_v2 (NbStore *store)
{
  g_autoptr(GBytes) photo = g_bytes_new_static (sample_photo, sizeof sample_photo);
  g_autoptr(NbCaptureDraft) draft = NULL;
  g_autoptr(NbPerson) maria = NULL;
  g_autoptr(GError) error = NULL;

  draft = nb_capture_draft_new ("Chamber lunch", "2024-06-1", "Town hall",
                                "Bob Haddad (Blue Harbor): wants restaurant referrals #insurance !fri\n"
                                "Priya Raghunathan, Spa Olivia: looking for a bookk");
  maria = nb_store_resolve_person (store, "Maria Rossi", NULL, &error);
  g_assert_no_error (error);
  nb_person_set_photo (maria, photo);
  nb_store_update_person (store, maria, &error);
  g_assert_no_error (error);

  nb_store_save_capture_draft (store, draft, &error);
  g_assert_no_error (error);
}

static int
write_fixture (const char *dest)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;

  test_fill_sample (store);
  fill_sample_v2 (store);
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

static void
assert_integrity_ok (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
}

/* A next format, as a future release would add it. */
#define NEXT_VERSION (NB_STORE_SCHEMA_VERSION + 1)

static gboolean
migrate_to_next (sqlite3     *db,
                 const char  *path,
                 GError     **error)
{
  return _nb_db_exec (db, path, "ALTER TABLE people ADD COLUMN nickname TEXT NOT NULL DEFAULT ''", error);
}

static gboolean
migrate_to_next_failing (sqlite3     *db,
                         const char  *path,
                         GError     **error)
{
  if (!_nb_db_exec (db, path, "CREATE TABLE half_done (x)", error))
    return FALSE;

  return _nb_db_exec (db, path, "INSERT INTO no_such_table VALUES (1)", error);
}

/* This release's steps, then @next. */
static void
steps_then (NbMigrationFunc  next,
            NbMigrationFunc  steps[NEXT_VERSION + 1])
{
  for (guint v = 0; v <= NB_STORE_SCHEMA_VERSION; v++)
    steps[v] = _nb_store_migrations[v];
  steps[NEXT_VERSION] = next;
}

static char *
make_current_notebook (void)
{
  g_autofree char *path = test_scratch_path ("current.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(NbStore) store = nb_store_open (path, &error);

  g_assert_no_error (error);
  test_fill_sample (store);

  return g_steal_pointer (&path);
}

static void
test_backup_before_migration (void)
{
  NbMigrationFunc steps[NEXT_VERSION + 1];
  g_autofree char *path = make_current_notebook ();
  g_autofree char *backup = g_strdup_printf ("%s.before-v%d.bak", path, NEXT_VERSION);
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  sqlite3 *db;

  steps_then (migrate_to_next, steps);
  store = _nb_store_open_with_migrations (path, steps, G_N_ELEMENTS (steps), &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sqlite_int (store->db, "PRAGMA user_version"), ==, NEXT_VERSION);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM pragma_table_info ('people')"
                                               " WHERE name = 'nickname'"), ==, 1);
  g_clear_object (&store);

  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  db = test_sqlite_open (backup);
  g_assert_cmpint (test_sqlite_int (db, "PRAGMA user_version"), ==, NB_STORE_SCHEMA_VERSION);
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
  NbMigrationFunc steps[NEXT_VERSION + 1];
  g_autofree char *path = make_current_notebook ();
  g_autofree char *backup = g_strdup_printf ("%s.before-v%d.bak", path, NEXT_VERSION);
  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  db = test_sqlite_open (path);
  schema_before = test_dump_schema (db);
  sqlite3_close (db);

  steps_then (migrate_to_next_failing, steps);
  store = _nb_store_open_with_migrations (path, steps, G_N_ELEMENTS (steps), &error);
  g_assert_null (store);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, backup));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* All or nothing: no half-made table, still this release's version. */
  db = test_sqlite_open (path);
  schema_after = test_dump_schema (db);
  g_assert_cmpint (test_sqlite_int (db, "PRAGMA user_version"), ==, NB_STORE_SCHEMA_VERSION);
  sqlite3_close (db);
  g_assert_cmpstr (schema_before, ==, schema_after);

  g_clear_error (&error);
  store = nb_store_open (path, &error);
  g_assert_no_error (error);
}

/* The released version 1, opened by this release: a copy first, then
 * no photos and no drafts, and photos work from then on. */
static void
test_v1_to_v2 (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "store", "fixtures", "schema-v1.sql", NULL);
  g_autofree char *path = load_fixture (fixture);
  g_autofree char *backup = g_strdup_printf ("%s.before-v%d.bak", path, NB_STORE_SCHEMA_VERSION);
  g_autoptr(GBytes) photo = g_bytes_new_static (sample_photo, sizeof sample_photo);
  g_autoptr(NbStore) store = NULL;
  g_autoptr(NbPerson) maria = NULL;
  g_autoptr(NbPerson) again = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sqlite_int (store->db, "PRAGMA user_version"), ==, NB_STORE_SCHEMA_VERSION);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM people WHERE photo IS NOT NULL"), ==, 0);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM capture_drafts"), ==, 0);
  assert_integrity_ok (store->db);

  db = test_sqlite_open (backup);
  g_assert_cmpint (test_sqlite_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (test_sqlite_int (db, "SELECT count (*) FROM pragma_table_info ('people')"
                                        " WHERE name = 'photo'"), ==, 0);
  sqlite3_close (db);

  maria = nb_store_resolve_person (store, "Maria Rossi", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (nb_person_get_photo (maria));
  g_assert_true (nb_person_get_photo_known (maria));
  nb_person_set_photo (maria, photo);
  nb_store_update_person (store, maria, &error);
  g_assert_no_error (error);

  again = nb_store_get_person (store, nb_person_get_id (maria), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (nb_person_get_photo (again), photo));
}

/* Every row of @table, as dump_table() writes it. */
static char *
dump_rows (sqlite3    *db,
           const char *table)
{
  g_autoptr(GString) out = g_string_new (NULL);

  dump_table (db, table, out);
  return g_strdup (out->str);
}

/* Inserting an entry of @kind and @status straight into the table:
 * SQLITE_OK or the error. */
static int
insert_raw_entry (sqlite3    *db,
                  const char *kind,
                  const char *status,
                  const char *due)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO entries (person_id, kind, date, due, status,"
                                          " created, updated) VALUES"
                                          " ((SELECT min (id) FROM people), '%s', '1999-01-01',"
                                          " '%s', '%s', 0, 0)",
                                          kind, due, status);

  /* Extended codes: SQLITE_CONSTRAINT_CHECK is a SQLITE_CONSTRAINT. */
  return sqlite3_exec (db, sql, NULL, NULL, NULL) & 0xff;
}

/* The released version 2, opened by this release: the entries table is
 * rebuilt with the same rows, ids and rules, the search index is kept
 * and stays right, and no row waits to be indexed. */
static void
test_v2_to_v3 (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "store", "fixtures", "schema-v2.sql", NULL);
  g_autofree char *path = load_fixture (fixture);
  g_autofree char *entries_before = NULL;
  g_autofree char *entries_after = NULL;
  g_autofree char *search_before = NULL;
  g_autofree char *search_after = NULL;
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  gint64 maria_id;
  gint64 n_search;
  sqlite3 *db;

  db = test_sqlite_open (path);
  g_assert_cmpint (test_sqlite_int (db, "PRAGMA user_version"), ==, 2);
  entries_before = dump_rows (db, "entries");
  search_before = dump_rows (db, "search");
  n_search = test_sqlite_int (db, "SELECT count (*) FROM search");
  sqlite3_close (db);
  g_assert_cmpint (n_search, >, 3);

  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sqlite_int (store->db, "PRAGMA user_version"), ==, NB_STORE_SCHEMA_VERSION);
  assert_integrity_ok (store->db);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM pending_search"), ==, 0);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM sqlite_master"
                                               " WHERE name = 'entries_v3'"), ==, 0);

  entries_after = dump_rows (store->db, "entries");
  search_after = dump_rows (store->db, "search");
  g_assert_cmpstr (entries_after, ==, entries_before);
  g_assert_cmpstr (search_after, ==, search_before);

  /* The same rules, written without IN lists. */
  g_assert_cmpint (insert_raw_entry (store->db, "note", "", ""), ==, SQLITE_OK);
  g_assert_cmpint (insert_raw_entry (store->db, "need", "helped", ""), ==, SQLITE_OK);
  g_assert_cmpint (insert_raw_entry (store->db, "follow-up", "done", "2024-06-02"), ==, SQLITE_OK);
  g_assert_cmpint (insert_raw_entry (store->db, "gossip", "", ""), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (insert_raw_entry (store->db, "note", "open", ""), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (insert_raw_entry (store->db, "dream", "done", ""), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (insert_raw_entry (store->db, "follow-up", "open", ""), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (insert_raw_entry (store->db, "follow-up", "helped", "2024-06-02"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (insert_raw_entry (store->db, "meeting", "", "June"), ==, SQLITE_CONSTRAINT);
  test_sqlite_exec (store->db, "DELETE FROM entries WHERE date = '1999-01-01'");

  /* Writing through the store keeps the index right. */
  hits = nb_store_search (store, "angstrom", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  {
    g_autoptr(NbPerson) maria = nb_store_resolve_person (store, "Maria Rossi", NULL, &error);

    g_assert_no_error (error);
    maria_id = nb_person_get_id (maria);
    nb_person_set_field (maria, NB_PERSON_COMPANY, "Quillfeather Studio");
    nb_store_update_person (store, maria, &error);
    g_assert_no_error (error);
  }
  test_add_entry (store, NB_ENTRY_NOTE, maria_id, "2024-06-03", "Loves marzipan");

  hits = nb_store_search (store, "quillfeather", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = nb_store_search (store, "marzipan", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM search"), ==, n_search + 1);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM pending_search"), ==, 0);
}

/* SQLite's plan for @sql, one line per step. */
static char *
query_plan (sqlite3    *db,
            const char *sql)
{
  g_autofree char *explain = g_strdup_printf ("EXPLAIN QUERY PLAN %s", sql);
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The notebook of the fixture schema-v@version.sql, opened (so
 * migrated) by this release, which must keep every row of @tables and
 * leave a sound file. */
static NbStore *
open_migrated_fixture (int                version,
                       const char * const *tables)
{
  g_autofree char *name = g_strdup_printf ("schema-v%d.sql", version);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "store", "fixtures", name, NULL);
  g_autofree char *path = load_fixture (fixture);
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  NbStore *store;
  sqlite3 *db;

  db = test_sqlite_open (path);
  g_assert_cmpint (test_sqlite_int (db, "PRAGMA user_version"), ==, version);
  for (guint i = 0; tables[i] != NULL; i++)
    g_ptr_array_add (before, dump_rows (db, tables[i]));
  sqlite3_close (db);

  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sqlite_int (store->db, "PRAGMA user_version"), ==, NB_STORE_SCHEMA_VERSION);
  assert_integrity_ok (store->db);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *after = dump_rows (store->db, tables[i]);

      g_assert_cmpstr (after, ==, g_ptr_array_index (before, i));
    }

  return store;
}

/* The released version 3, opened by this release: only indexes are
 * added, every row stays, and the lists read when the window opens
 * use them rather than reading the entries table. */
static void
test_v3_to_v4 (void)
{
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  struct {
    const char *sql;
    const char *uses;
  } plans[] = {
    { "SELECT e.kind, count (*) FROM entries e"
      " WHERE e.deleted = 0 AND " NB_STORE_GOODWILL_KINDS
      "   AND e.person_id NOT IN (SELECT id FROM people WHERE deleted <> 0)"
      " GROUP BY e.kind",
      "COVERING INDEX entries_goodwill" },
    { "SELECT max (e.date) FROM entries e WHERE e.person_id = 1 AND e.deleted = 0"
      " AND e.kind NOT IN " NB_STORE_NOT_CONTACT " AND e.date <= '2024-06-01'",
      "COVERING INDEX entries_live" },
    { "SELECT max (e.date) FROM entries e WHERE e.other_person_id = 1 AND e.deleted = 0"
      " AND e.kind NOT IN " NB_STORE_NOT_CONTACT " AND e.date <= '2024-06-01'"
      " AND e.person_id NOT IN (SELECT id FROM people WHERE deleted <> 0)",
      "COVERING INDEX entries_other_live" },
    { "SELECT e.id FROM entries e JOIN people p ON p.id = e.person_id"
      " WHERE e.kind = 'meeting' AND e.date > '2024-06-01' AND e.deleted = 0 AND p.deleted = 0"
      " ORDER BY e.date, e.id",
      "INDEX entries_meetings" },
  };
  /* The search rows are rewritten on opening: loading the fixture on a
   * bare connection left them in pending_search (see schema v3). */
  const char * const tables[] = { "people", "tags", "entries", "events", "event_people", "profile", NULL };

  store = open_migrated_fixture (3, tables);

  {
    g_autoptr(GPtrArray) hits = nb_store_search (store, "angstrom", 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
  }

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_autofree char *plan = query_plan (store->db, plans[i].sql);

      g_test_message ("%s\n%s", plans[i].sql, plan);
      g_assert_nonnull (strstr (plan, plans[i].uses));
      g_assert_null (strstr (plan, "SCAN e\n"));
    }
}

/* Version 5 fills contact_dates with everyone's newest contacts, and
 * the lists read them from there, seeking into entries only for a date
 * to come. */
static void
test_v4_to_v5 (void)
{
  const char * const tables[] = { "people", "tags", "entries", "events", "event_people", "profile",
                                  "capture_drafts", NULL };
  g_autoptr(NbStore) store = open_migrated_fixture (4, tables);
  g_autofree char *plan = NULL;

  /* Everyone has their row; the fixture's introduction counts on both
   * sides. */
  test_assert_contact_dates_exact (store->db);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM contact_dates"), ==,
                   test_sqlite_int (store->db, "SELECT count (*) FROM people"));
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM contact_dates WHERE other IS NOT NULL"), >=, 1);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM contact_dates WHERE own IS NOT NULL"), >=, 2);

  /* Everyone's last contact: a lookup each, no read of entries unless
   * a date is to come. */
  plan = query_plan (store->db, NB_STORE_SQL_PEOPLE_SUMMARIES);
  g_test_message ("%s", plan);
  g_assert_nonnull (strstr (plan, "SEARCH c USING INTEGER PRIMARY KEY"));
  g_assert_null (strstr (plan, "SCAN e"));
  g_clear_pointer (&plan, g_free);

  /* Going cold reads everyone with a cadence from people_cadence, and
   * only the cards of those past it from the table. */
  {
    g_autofree char *sql = g_strdup_printf (NB_STORE_SQL_GOING_COLD, "p.display_name");

    plan = query_plan (store->db, sql);
    g_test_message ("%s", plan);
    g_assert_nonnull (strstr (plan, "USING COVERING INDEX people_cadence"));
    g_assert_null (strstr (plan, "SCAN p\n"));
  }

  /* A change after the migration is kept by the triggers. */
  test_add_entry (store, NB_ENTRY_CONVERSATION, 1, "2031-01-01", "Planned");
  test_assert_contact_dates_exact (store->db);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM contact_dates"
                                               " WHERE person_id = 1 AND own = '2031-01-01'"), ==, 1);
}

/* Version 6: the agenda's follow-ups and who has some due are read
 * from the open follow-ups' index alone, in its order, and it follows
 * every change. */
static void
test_v5_to_v6 (void)
{
  const char * const tables[] = { "people", "tags", "entries", "events", "event_people", "profile",
                                  "capture_drafts", "contact_dates", NULL };
  g_autoptr(NbStore) store = open_migrated_fixture (5, tables);
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  struct {
    const char *sql;
    const char *uses;
  } plans[] = {
    { NB_STORE_SQL_FOLLOWUPS_DUE_BY, "USING COVERING INDEX entries_open_followups" },
    { "SELECT e.person_id FROM entries e"
      " WHERE e.kind = 'follow-up' AND e.status = 'open' AND e.due <= ?1 AND e.deleted = 0",
      "USING COVERING INDEX entries_open_followups" },
    /* Not a change of version 6, but of what the window reads first. */
    { NB_STORE_SQL_PEOPLE_COUNT, "INDEX people_sort" },
  };
  NbEntry *entry;
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_autofree char *plan = query_plan (store->db, plans[i].sql);

      g_test_message ("%s\n%s", plans[i].sql, plan);
      g_assert_nonnull (strstr (plan, plans[i].uses));
      g_assert_null (strstr (plan, "TEMP B-TREE"));
    }

  /* The fixture's open follow-up, read from the index as it was. */
  due = nb_store_list_followups_due_by (store, "2099-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  entry = g_ptr_array_index (due, 0);
  g_assert_cmpstr (nb_entry_get_text (entry), ==, "Send the printer contact");
  g_assert_cmpstr (nb_entry_get_due (entry), ==, "2024-05-09");
  g_clear_pointer (&due, g_ptr_array_unref);

  /* A new one, then the same done: the index follows. */
  {
    g_autoptr(NbEntry) followup = nb_entry_new (NB_ENTRY_FOLLOW_UP, 1, "2024-06-01", "Ask about the move");

    nb_entry_set_due (followup, "2030-01-02");
    id = nb_store_add_entry (store, followup, &error);
    g_assert_no_error (error);
  }
  due = nb_store_list_followups_due_by (store, "2099-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpstr (nb_entry_get_text (g_ptr_array_index (due, 1)), ==, "Ask about the move");
  g_clear_pointer (&due, g_ptr_array_unref);

  g_assert_true (nb_store_set_entry_status (store, id, NB_STATUS_DONE, &error));
  g_assert_no_error (error);
  due = nb_store_list_followups_due_by (store, "2099-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  assert_integrity_ok (store->db);
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
  g_test_add_func ("/store/migrate/v1-to-v2", test_v1_to_v2);
  g_test_add_func ("/store/migrate/v2-to-v3", test_v2_to_v3);
  g_test_add_func ("/store/migrate/v3-to-v4", test_v3_to_v4);
  g_test_add_func ("/store/migrate/v4-to-v5", test_v4_to_v5);
  g_test_add_func ("/store/migrate/v5-to-v6", test_v5_to_v6);
  g_test_add_func ("/store/migrate/person-columns", test_person_columns);

  return g_test_run ();
}
