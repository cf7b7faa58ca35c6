/* robust-util.c: what the "nothing lost, nothing broken" tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

/* unshare() and CLONE_NEWNS */
#define _GNU_SOURCE

#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "robust-util.h"

/* Every table of a notebook, in a fixed order. The search index is
 * included: it is written by triggers and must move with its rows. */
static const char * const fingerprint_tables[] = {
  "people", "tags", "events", "event_people", "entries", "profile",
  "capture_drafts", "search",
  NULL
};

gboolean
robust_long_mode (void)
{
  return g_strcmp0 (g_getenv ("NETBOOK_LONG_TESTS"), "1") == 0;
}

char *
robust_scratch_dir (const char *name)
{
  static guint counter;
  const char *scratch = g_getenv ("NETBOOK_TEST_SCRATCH");
  g_autofree char *unique = NULL;
  char *dir;

  g_assert_nonnull (scratch);
  unique = g_strdup_printf ("%s-%u", name, ++counter);
  dir = g_build_filename (scratch, "robust", unique, NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  return dir;
}

gboolean
robust_private_mounts (void)
{
  static int state = -1;

  if (state >= 0)
    return state;

  /* Mounts made in a namespace of our own vanish with the process, even
   * when it dies: nothing to clean up, nothing seen by other tests. */
  state = getuid () == 0 &&
          unshare (CLONE_NEWNS) == 0 &&
          mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;
  if (!state)
    g_test_message ("no private mount namespace: %s", g_strerror (errno));

  return state;
}

gboolean
robust_mount_tmpfs (const char *dir,
                    const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0700", size);

  if (!robust_private_mounts ())
    return FALSE;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  if (mount ("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, options) != 0)
    {
      g_test_message ("could not mount a tmpfs on %s: %s", dir, g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

void
robust_replace_file (const char *path,
                     const void *data,
                     gsize       size)
{
  if (g_unlink (path) != 0)
    g_assert_cmpint (errno, ==, ENOENT);
  test_write_file (path, data, size);
}

void
robust_copy_file (const char *from,
                  const char *to)
{
  g_autoptr(GBytes) bytes = test_read_file (from);

  test_write_file (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
remove_recursively (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_recursively (child);
        }
    }

  if (g_remove (path) != 0)
    g_error ("Could not remove %s: %s", path, g_strerror (errno));
}

void
robust_remove_tree (const char *dir)
{
  const char *scratch = g_getenv ("NETBOOK_TEST_SCRATCH");

  g_assert_nonnull (scratch);
  g_assert_true (g_str_has_prefix (dir, scratch));
  if (g_file_test (dir, G_FILE_TEST_EXISTS))
    remove_recursively (dir);
}

static gboolean
table_exists (sqlite3    *db,
              const char *table)
{
  sqlite3_stmt *stmt = NULL;
  gboolean exists;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT 1 FROM sqlite_master WHERE name = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);

  return exists;
}

/* "a, b, c" of @table's columns, without the timestamps. */
static char *
columns_of (sqlite3    *db,
            const char *table)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info (?1)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (g_str_equal (name, "created") || g_str_equal (name, "updated"))
        continue;
      if (columns->len > 0)
        g_string_append (columns, ", ");
      /* When something was deleted is a timestamp too. */
      if (g_str_equal (name, "deleted"))
        g_string_append (columns, "(\"deleted\" <> 0)");
      else
        g_string_append_printf (columns, "\"%s\"", name);
    }
  sqlite3_finalize (stmt);

  return g_strdup (columns->str);
}

char *
robust_fingerprint (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) summary = g_string_new (NULL);
  sqlite3 *db = NULL;
  int rc;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_strdup ("");

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    g_error ("Could not open %s: %s", path, sqlite3_errmsg (db));
  g_assert_cmpint (_nb_db_register_functions (db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);

  g_string_append_printf (summary, "v%" G_GINT64_FORMAT,
                          test_sqlite_int (db, "PRAGMA user_version"));

  for (guint t = 0; fingerprint_tables[t] != NULL; t++)
    {
      const char *table = fingerprint_tables[t];
      g_autofree char *columns = NULL;
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;
      guint rows = 0;

      if (!table_exists (db, table))
        continue;

      columns = columns_of (db, table);
      sql = g_strdup_printf ("SELECT %s FROM \"%s\" ORDER BY %s", columns, table, columns);
      rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        g_error ("“%s” on %s: %s", sql, path, sqlite3_errmsg (db));

      g_checksum_update (checksum, (const guchar *) table, -1);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            {
              const void *blob = sqlite3_column_blob (stmt, i);
              int size = sqlite3_column_bytes (stmt, i);
              char type = (char) ('0' + sqlite3_column_type (stmt, i));

              g_checksum_update (checksum, (const guchar *) &type, 1);
              if (blob != NULL)
                g_checksum_update (checksum, blob, size);
              g_checksum_update (checksum, (const guchar *) "\x1f", 1);
            }
          rows++;
        }
      if (rc != SQLITE_DONE)
        g_error ("Reading %s of %s: %s", table, path, sqlite3_errmsg (db));
      sqlite3_finalize (stmt);

      if (!g_str_equal (table, "search"))
        g_string_append_printf (summary, " %s:%u", table, rows);
    }

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  g_string_append_printf (summary, " #%.12s", g_checksum_get_string (checksum));
  return g_strdup (summary->str);
}

void
robust_assert_integrity (const char *path)
{
  sqlite3 *db = test_sqlite_open (path);
  sqlite3_stmt *stmt = NULL;
  char *message = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (result, "ok") != 0)
        g_error ("integrity_check of %s: %s", path, result);
    }
  sqlite3_finalize (stmt);

  g_assert_cmpint (test_sqlite_int (db, "SELECT count (*) FROM pragma_foreign_key_check"), ==, 0);

  if (table_exists (db, "search"))
    {
      rc = sqlite3_exec (db, "INSERT INTO search (search) VALUES ('integrity-check')",
                         NULL, NULL, &message);
      if (rc != SQLITE_OK)
        g_error ("FTS5 integrity-check of %s: %s", path, message);

      /* One row per person and entry that is not deleted, and no more. */
      g_assert_cmpint (test_sqlite_int (db, "SELECT count (*) FROM search"), ==,
                       test_sqlite_int (db,
                                        "SELECT (SELECT count (*) FROM people WHERE deleted = 0)"
                                        " + (SELECT count (*) FROM entries WHERE deleted = 0)"));
    }

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
set_wal (const char *path)
{
  sqlite3 *db = test_sqlite_open (path);

  test_sqlite_exec (db, "PRAGMA journal_mode = WAL");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

void
robust_make_sample (const char *path,
                    guint       n_more)
{
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  test_fill_sample (store);
  for (guint i = 0; i < n_more; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      gint64 id = test_add_person (store, name, "Some Company", "Some role");

      test_add_entry (store, NB_ENTRY_NOTE, id, "2024-03-01", "Met at the fair");
    }
  g_clear_object (&store);

  set_wal (path);
}

void
robust_make_v1 (const char *path)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "store", "fixtures",
                                                    "schema-v1.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);

  db = test_sqlite_open (path);
  test_sqlite_exec (db, sql);
  test_sqlite_exec (db, "PRAGMA journal_mode = WAL");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

void
robust_assert_models (NbStore *store)
{
  g_autoptr(GListModel) people = nb_store_get_people_model (store);

  g_assert_cmpint (g_list_model_get_n_items (people), ==,
                   test_sqlite_int (store->db, "SELECT count (*) FROM people WHERE deleted = 0"));
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  return data != NULL ? g_strndup (data, size) : g_strdup ("");
}

int
robust_spawn (const char * const *argv,
              const char * const *env_extra,
              const char          *input,
              char               **out,
              char               **err)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) stdin_bytes = NULL;
  g_autoptr(GBytes) stdout_bytes = NULL;
  g_autoptr(GBytes) stderr_bytes = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  for (guint i = 0; env_extra != NULL && env_extra[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env_extra[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1] != NULL ? pair[1] : "", TRUE);
    }

  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  stdin_bytes = g_bytes_new (input != NULL ? input : "", input != NULL ? strlen (input) : 0);
  g_subprocess_communicate (process, stdin_bytes, NULL, &stdout_bytes, &stderr_bytes, &error);
  g_assert_no_error (error);

  /* Bytes as they came (maybe not UTF-8), NUL-terminated. */
  if (out != NULL)
    *out = bytes_to_string (stdout_bytes);
  if (err != NULL)
    *err = bytes_to_string (stderr_bytes);

  if (!g_subprocess_get_if_exited (process))
    return 128 + g_subprocess_get_term_sig (process);
  return g_subprocess_get_exit_status (process);
}
