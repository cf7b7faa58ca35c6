/* test-backup.c: rotating backups, and restoring one safely.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <utime.h>

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "export-test-util.h"
#include "nb-backup.h"

/* A notebook in a folder of its own, so each test has its own backups. */
static char *
new_db_path (void)
{
  g_autofree char *dir = test_scratch_path ("notebook");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, "netbook.db", NULL);
}

static NbStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  NbStore *store = nb_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static guint
count_people (const char *path)
{
  g_autoptr(NbStore) store = open_store (path);
  g_autoptr(GPtrArray) people = nb_store_list_people (store, NULL, TRUE, NULL);

  return people->len;
}

/* A file named like a backup taken @seconds_ago (an empty notebook). */
static char *
fake_backup (const char *dir,
             const char *prefix,
             gint64      seconds_ago,
             const char *suffix)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, (gdouble) -seconds_ago);
  g_autofree char *stamp = g_date_time_format (then, "%Y-%m-%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("%s%s%s.db", prefix, stamp, suffix);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  test_write_file (path, "fake", 4);
  return path;
}

static void
remove_newest (const char *db)
{
  g_autofree char *newest = nb_backup_find_newest (db);

  g_assert_nonnull (newest);
  g_assert_cmpint (g_unlink (newest), ==, 0);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (folder != NULL && g_dir_read_name (folder) != NULL)
    n++;
  return n;
}

static void
test_backup_now (void)
{
  g_autofree char *db = new_db_path ();
  g_autoptr(NbStore) store = open_store (db);
  g_autofree char *dir = nb_backup_dir_for (db);
  g_autofree char *backup = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GStatBuf st;

  test_fill_rich (store, FALSE);
  backup = nb_backup_now (store, &error);
  g_assert_no_error (error);

  base = g_path_get_basename (backup);
  g_assert_true (g_str_has_prefix (base, "netbook-"));
  g_assert_true (g_str_has_suffix (base, ".db"));
  g_assert_cmpuint (strlen (base), ==, strlen ("netbook-2024-05-15-103000.db"));
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* One self-contained file in rollback-journal mode (header bytes 18
   * and 19 are 1): nothing of it stays in a log, beside it or in the
   * backups folder under a temporary name. */
  {
    g_autoptr(GBytes) bytes = test_read_file (backup);
    const guint8 *header = g_bytes_get_data (bytes, NULL);
    g_autofree char *wal = g_strconcat (backup, "-wal", NULL);
    g_autofree char *shm = g_strconcat (backup, "-shm", NULL);

    g_assert_cmpuint (g_bytes_get_size (bytes), >, 100);
    g_assert_cmpint (header[18], ==, 1);
    g_assert_cmpint (header[19], ==, 1);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (count_files (dir), ==, 1);
  }

  /* A whole notebook, without the person deleted but undoable. */
  g_assert_cmpuint (count_people (backup), ==, 4);

  list = nb_backup_list (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((NbBackupInfo *) g_ptr_array_index (list, 0))->path, ==, backup);

  /* Two in the same second get different names. */
  {
    g_autofree char *second = nb_backup_now (store, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (second, !=, backup);
  }
}

static void
test_backup_list_and_rotate (void)
{
  g_autofree char *db = new_db_path ();
  g_autofree char *dir = nb_backup_dir_for (db);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) olds = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *other = NULL;
  g_autofree char *newest = NULL;
  g_autofree char *found = NULL;

  g_assert_null (nb_backup_find_newest (db));
  list = nb_backup_list (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  for (guint i = 0; i < 15; i++)
    g_ptr_array_add (olds, fake_backup (dir, "netbook-", (gint64) (i + 1) * 86400, ""));
  newest = fake_backup (dir, "netbook-", 3600, "-2");
  safety = fake_backup (dir, "netbook-before-restore-", 100 * 86400, "");
  other = g_build_filename (dir, "notes.txt", NULL);
  test_write_file (other, "mine", 4);

  list = nb_backup_list (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 17);
  g_assert_cmpstr (((NbBackupInfo *) g_ptr_array_index (list, 0))->path, ==, newest);
  g_assert_cmpstr (((NbBackupInfo *) g_ptr_array_index (list, 1))->path, ==, g_ptr_array_index (olds, 0));
  g_assert_cmpint (((NbBackupInfo *) g_ptr_array_index (list, 16))->kind, ==, NB_BACKUP_SAFETY_COPY);
  for (guint i = 1; i < list->len; i++)
    g_assert_cmpint (g_date_time_compare (((NbBackupInfo *) g_ptr_array_index (list, i - 1))->time,
                                          ((NbBackupInfo *) g_ptr_array_index (list, i))->time), >=, 0);

  found = nb_backup_find_newest (db);
  g_assert_cmpstr (found, ==, newest);

  g_assert_true (nb_backup_rotate (dir, 10, &error));
  g_assert_no_error (error);
  /* The 10 newest regular ones, the safety copy, the user's file. */
  g_assert_cmpuint (count_files (dir), ==, 12);
  g_assert_true (g_file_test (newest, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < olds->len; i++)
    g_assert_true (g_file_test (g_ptr_array_index (olds, i), G_FILE_TEST_EXISTS) == (i < 9));
  g_assert_true (g_file_test (safety, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  /* 0 keeps everything. */
  g_assert_true (nb_backup_rotate (dir, 0, &error));
  g_assert_cmpuint (count_files (dir), ==, 12);
  g_assert_true (nb_backup_rotate (dir, 1, &error));
  g_assert_cmpuint (count_files (dir), ==, 3);

  /* A missing folder is nothing to rotate. */
  {
    g_autofree char *missing = test_scratch_path ("no-such-dir");

    g_assert_true (nb_backup_rotate (missing, 3, &error));
    g_assert_no_error (error);
  }
}

/* @path, last written @seconds_ago. */
static void
set_age (const char *path,
         gint64      seconds_ago)
{
  struct utimbuf times;

  times.actime = times.modtime = (time_t) (g_get_real_time () / G_USEC_PER_SEC - seconds_ago);
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

/* A backup's process killed while it wrote leaves its hidden copy:
 * rotation removes it an hour later, and nothing else. */
static void
test_backup_abandoned_copies (void)
{
  g_autofree char *dir = test_scratch_path ("abandoned");
  g_autofree char *backup = fake_backup (dir, "netbook-", 7200, "");
  g_autofree char *backup_name = g_path_get_basename (backup);
  g_autofree char *old_copy = g_strdup_printf ("%s/.%s.tmp-Ab12Cd", dir, backup_name);
  g_autofree char *fresh_copy = g_strdup_printf ("%s/.%s.tmp-Ef34Gh", dir, backup_name);
  g_autofree char *other = g_build_filename (dir, ".notes.txt.tmp-Ab12Cd", NULL);
  g_autofree char *odd_suffix = g_strdup_printf ("%s/.%s.tmp-Ab12", dir, backup_name);
  g_autofree char *folder = g_strdup_printf ("%s/.%s.tmp-Ij56Kl", dir, backup_name);
  g_autoptr(GError) error = NULL;

  test_write_file (old_copy, "half", 4);
  test_write_file (fresh_copy, "half", 4);
  test_write_file (other, "mine", 4);
  test_write_file (odd_suffix, "mine", 4);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  set_age (old_copy, 2 * 3600);
  set_age (fresh_copy, 10 * 60);
  set_age (other, 2 * 3600);
  set_age (odd_suffix, 2 * 3600);
  set_age (folder, 2 * 3600);

  /* Even when every backup is kept. */
  g_assert_true (nb_backup_rotate (dir, 0, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (old_copy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh_copy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (odd_suffix, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  /* Hidden copies are no backups to restore. */
  {
    g_autoptr(GPtrArray) list = nb_backup_list (dir, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
  }

  set_age (fresh_copy, 3601);
  g_assert_true (nb_backup_rotate (dir, 3, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (fresh_copy, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

/* A safety copy (backups folder) or a restore's copy (beside the
 * notebook) killed midway: gone at the next start, backup due or not. */
static void
test_backup_abandoned_restore_copies (void)
{
  g_autofree char *db = new_db_path ();
  g_autoptr(NbStore) store = open_store (db);
  g_autofree char *dir = nb_backup_dir_for (db);
  g_autofree char *notebook_dir = g_path_get_dirname (db);
  g_autofree char *restore = g_build_filename (notebook_dir, ".netbook-restore-Ab12Cd", NULL);
  g_autofree char *restore_wal = g_build_filename (notebook_dir, ".netbook-restore-wal-Ab12Cd", NULL);
  g_autofree char *restore_fresh = g_build_filename (notebook_dir, ".netbook-restore-Ef34Gh", NULL);
  g_autofree char *safety = g_build_filename (dir, ".netbook-safety-Ab12Cd", NULL);
  g_autofree char *lookalike = g_build_filename (notebook_dir, ".netbook-restore-Ab12Cd.keep", NULL);
  g_autoptr(GError) error = NULL;
  char *path = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  test_write_file (restore, "half", 4);
  test_write_file (restore_wal, "half", 4);
  test_write_file (restore_fresh, "half", 4);
  test_write_file (safety, "half", 4);
  test_write_file (lookalike, "mine", 4);
  set_age (restore, 2 * 3600);
  set_age (restore_wal, 2 * 3600);
  set_age (restore_fresh, 60);
  set_age (safety, 2 * 3600);
  set_age (lookalike, 2 * 3600);

  /* Automatic backups off: nothing is due, the leftovers still go. */
  g_assert_true (nb_backup_maybe_automatic (store, 0, 10, &path, &error));
  g_assert_no_error (error);
  g_assert_null (path);
  g_assert_false (g_file_test (restore, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (restore_wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (safety, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (restore_fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (lookalike, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
}

static void
test_backup_automatic (void)
{
  g_autofree char *db = new_db_path ();
  g_autoptr(NbStore) store = open_store (db);
  g_autofree char *dir = nb_backup_dir_for (db);
  g_autofree char *path = NULL;
  g_autofree char *recent = NULL;
  g_autoptr(GError) error = NULL;

  /* Off. */
  g_assert_true (nb_backup_maybe_automatic (store, 0, 10, &path, &error));
  g_assert_null (path);
  g_assert_cmpuint (count_files (dir), ==, 0);

  /* None yet: one now. */
  g_assert_true (nb_backup_maybe_automatic (store, 1, 10, &path, &error));
  g_assert_no_error (error);
  g_assert_nonnull (path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&path, g_free);

  /* Younger than the interval: nothing. */
  g_assert_true (nb_backup_maybe_automatic (store, 1, 10, &path, &error));
  g_assert_null (path);
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* Only old ones: due, and rotation keeps @keep. */
  remove_newest (db);
  for (guint i = 0; i < 4; i++)
    g_free (fake_backup (dir, "netbook-", (gint64) (i + 2) * 86400, ""));
  g_assert_true (nb_backup_maybe_automatic (store, 1, 3, &path, &error));
  g_assert_no_error (error);
  g_assert_nonnull (path);
  g_assert_cmpuint (count_files (dir), ==, 3);
  g_clear_pointer (&path, g_free);

  /* A 7-day interval with a 2-day old newest backup: nothing. */
  remove_newest (db);
  recent = fake_backup (dir, "netbook-", 2 * 86400 - 60, "-3");
  g_assert_true (nb_backup_maybe_automatic (store, 7, 3, &path, &error));
  g_assert_null (path);
  g_assert_true (nb_backup_maybe_automatic (store, 2, 3, &path, &error));
  g_assert_null (path);
}

/* ---- Restore ----------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *sql;     /* run on a new SQLite file, or NULL */
  const char *bytes;   /* else these bytes */
  int         code;
} Bad;

static char *
make_bad (const Bad *bad)
{
  g_autofree char *name = g_strdup_printf ("bad-%s.db", bad->name);
  char *path = test_scratch_path (name);

  if (bad->sql != NULL)
    {
      sqlite3 *db = test_sqlite_open (path);

      test_sqlite_exec (db, bad->sql);
      sqlite3_close (db);
    }
  else
    {
      test_write_file (path, bad->bytes, strlen (bad->bytes));
    }

  return path;
}

static void
assert_no_stray_files (const char *db,
                       gboolean    open)
{
  g_autofree char *dir = g_path_get_dirname (db);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      if (g_str_equal (name, "netbook.db") || g_str_equal (name, "backups"))
        continue;
      /* An open store's own. */
      if (open && (g_str_equal (name, "netbook.db-wal") || g_str_equal (name, "netbook.db-shm")))
        continue;
      g_error ("Stray file “%s” beside the notebook", name);
    }
}

static void
test_restore_refuses (void)
{
  static const Bad bads[] = {
    { "text", NULL, "just some text, not a database at all", NB_STORE_ERROR_NOT_DATABASE },
    { "empty", NULL, "", NB_STORE_ERROR_NOT_DATABASE },
    { "foreign", "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');", NULL, NB_STORE_ERROR_FOREIGN },
    { "newer", "PRAGMA application_id = 1312965195; PRAGMA user_version = 99;"
               "CREATE TABLE people (id INTEGER PRIMARY KEY);", NULL, NB_STORE_ERROR_TOO_NEW },
  };
  g_autofree char *db = new_db_path ();
  g_autofree char *backup = NULL;
  g_autofree char *truncated = NULL;
  g_autofree char *dir = nb_backup_dir_for (db);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(NbStore) store = open_store (db);

    test_fill_rich (store, FALSE);
    backup = nb_backup_now (store, &error);
    g_assert_no_error (error);
  }
  before = test_read_file (db);

  for (guint i = 0; i < G_N_ELEMENTS (bads); i++)
    {
      g_autofree char *bad = make_bad (&bads[i]);
      g_autoptr(GBytes) bad_before = test_read_file (bad);
      char *safety = (char *) "unset";

      g_test_message ("restoring %s", bads[i].name);
      g_assert_false (nb_backup_restore (db, bad, &safety, &error));
      g_assert_error (error, NB_STORE_ERROR, bads[i].code);
      g_assert_nonnull (strstr (error->message, bad));
      g_assert_nonnull (strstr (error->message, "not changed"));
      g_assert_null (safety);
      g_clear_error (&error);

      test_assert_untouched (db, before);
      test_assert_untouched (bad, bad_before);
      assert_no_stray_files (db, FALSE);
      g_assert_cmpuint (count_files (dir), ==, 1);
    }

  /* A truncated backup. */
  {
    g_autoptr(GBytes) whole = test_read_file (backup);

    truncated = test_scratch_path ("truncated.db");
    test_write_file (truncated, g_bytes_get_data (whole, NULL), g_bytes_get_size (whole) / 2);
    g_assert_false (nb_backup_restore (db, truncated, NULL, &error));
    g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_CORRUPT);
    g_clear_error (&error);
    test_assert_untouched (db, before);
  }

  /* A damaged page in the middle. */
  {
    g_autoptr(GBytes) whole = test_read_file (backup);
    gsize size = g_bytes_get_size (whole);
    g_autofree guint8 *bytes = g_memdup2 (g_bytes_get_data (whole, NULL), size);
    g_autofree char *damaged = test_scratch_path ("damaged.db");

    for (gsize i = 4096 + 8; i < size && i < 4096 * 3; i++)
      bytes[i] = 0xee;
    test_write_file (damaged, bytes, size);
    g_assert_false (nb_backup_restore (db, damaged, NULL, &error));
    g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_CORRUPT);
    g_clear_error (&error);
    test_assert_untouched (db, before);
  }

  /* The notebook itself, a folder, a missing file. */
  g_assert_false (nb_backup_restore (db, db, NULL, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nb_backup_restore (db, dir, NULL, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_DATABASE);
  g_clear_error (&error);
  {
    g_autofree char *missing = test_scratch_path ("missing.db");

    g_assert_false (nb_backup_restore (db, missing, NULL, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  test_assert_untouched (db, before);
  assert_no_stray_files (db, FALSE);

  g_assert_true (nb_backup_check (backup, &error));
  g_assert_no_error (error);
  g_assert_false (nb_backup_check (truncated, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_CORRUPT);
}

static void
test_restore_busy (void)
{
  g_autofree char *db = new_db_path ();
  g_autoptr(NbStore) store = open_store (db);
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;

  test_add_person (store, "Ann", "", "");
  backup = nb_backup_now (store, &error);
  g_assert_no_error (error);

  g_assert_false (nb_backup_restore (db, backup, NULL, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_BUSY);
  assert_no_stray_files (db, TRUE);

  /* The store still works. */
  test_add_person (store, "Bob", "", "");
  people = nb_store_list_people (store, NULL, TRUE, NULL);
  g_assert_cmpuint (people->len, ==, 2);
}

static void
test_restore_success (void)
{
  g_autofree char *db = new_db_path ();
  g_autofree char *backup = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *dir = nb_backup_dir_for (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GStatBuf st;

  {
    g_autoptr(NbStore) store = open_store (db);

    test_add_person (store, "Ann", "", "");
    backup = nb_backup_now (store, &error);
    g_assert_no_error (error);
    test_add_person (store, "Bob", "", "");
  }

  g_assert_true (nb_backup_restore (db, backup, &safety, &error));
  g_assert_no_error (error);
  g_assert_nonnull (safety);
  g_assert_true (g_str_has_prefix (safety, dir));

  g_assert_cmpuint (count_people (db), ==, 1);
  g_assert_cmpuint (count_people (safety), ==, 2);
  g_assert_cmpint (g_stat (db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (safety, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  assert_no_stray_files (db, FALSE);

  /* The safety copy is listed, and never rotated away. */
  list = nb_backup_list (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_true (nb_backup_rotate (dir, 1, &error));
  g_assert_true (g_file_test (safety, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* And can itself be restored. */
  {
    g_autofree char *second_safety = NULL;

    g_assert_true (nb_backup_restore (db, safety, &second_safety, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count_people (db), ==, 2);
  }

  /* No notebook yet: restored, no safety copy. */
  {
    g_autofree char *fresh = new_db_path ();
    g_autofree char *none = NULL;

    g_assert_true (nb_backup_restore (fresh, backup, &none, &error));
    g_assert_no_error (error);
    g_assert_null (none);
    g_assert_cmpuint (count_people (fresh), ==, 1);
  }
}

/* A notebook left with its last changes in a write-ahead log (a crash):
 * the safety copy keeps them, the restored file does not get them. */
static void
test_restore_with_wal (void)
{
  g_autofree char *db = new_db_path ();
  g_autofree char *backup = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *conn;

  {
    g_autoptr(NbStore) store = open_store (db);

    test_add_person (store, "Ann", "", "");
    backup = nb_backup_now (store, &error);
    g_assert_no_error (error);
  }

  /* Write through a connection that never checkpoints, then "crash". */
  conn = test_sqlite_open (db);
  test_sqlite_exec (conn, "PRAGMA wal_autocheckpoint = 0");
  sqlite3_db_config (conn, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  test_sqlite_exec (conn, "INSERT INTO people (display_name, created, updated) VALUES ('Wal Only', 1, 1)");
  sqlite3_close (conn);
  g_assert_cmpint (_nb_db_file_size (wal), >, 0);

  g_assert_true (nb_backup_restore (db, backup, &safety, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_people (db), ==, 1);
  g_assert_cmpuint (count_people (safety), ==, 2);
}

/* A backup that is itself a live notebook, its last changes still in
 * its write-ahead log: the restored file holds them in itself (the
 * copy's log was checkpointed, not left behind under the copy's name),
 * and nothing is left beside either file. */
static void
test_restore_backup_with_wal (void)
{
  g_autofree char *db = new_db_path ();
  g_autofree char *other = new_db_path ();
  g_autofree char *other_wal = g_strconcat (other, "-wal", NULL);
  g_autoptr(GBytes) other_before = NULL;
  g_autoptr(GBytes) wal_before = NULL;
  g_autoptr(GBytes) other_after = NULL;
  g_autoptr(GBytes) wal_after = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *conn;

  {
    g_autoptr(NbStore) store = open_store (db);

    test_add_person (store, "Ann", "", "");
  }
  {
    g_autoptr(NbStore) store = open_store (other);

    test_add_person (store, "Bob", "", "");
  }

  conn = test_sqlite_open (other);
  test_sqlite_exec (conn, "PRAGMA wal_autocheckpoint = 0");
  sqlite3_db_config (conn, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  test_sqlite_exec (conn, "INSERT INTO people (display_name, created, updated) VALUES ('Wal Only', 1, 1)");
  sqlite3_close (conn);
  g_assert_cmpint (_nb_db_file_size (other_wal), >, 0);
  other_before = test_read_file (other);
  wal_before = test_read_file (other_wal);

  g_assert_true (nb_backup_check (other, &error));
  g_assert_no_error (error);
  g_assert_true (nb_backup_restore (db, other, NULL, &error));
  g_assert_no_error (error);
  assert_no_stray_files (db, FALSE);

  /* The backup was only read. */
  other_after = test_read_file (other);
  g_assert_true (g_bytes_equal (other_before, other_after));
  wal_after = test_read_file (other_wal);
  g_assert_true (g_bytes_equal (wal_before, wal_after));

  /* Everything is in the file itself: read without any log. */
  conn = test_sqlite_open (db);
  g_assert_cmpint (test_sqlite_int (conn, "SELECT count (*) FROM people"), ==, 2);
  g_assert_cmpint (test_sqlite_int (conn, "SELECT count (*) FROM people WHERE display_name = 'Wal Only'"), ==, 1);
  sqlite3_close (conn);
  assert_no_stray_files (db, FALSE);
  g_assert_cmpuint (count_people (db), ==, 2);
}

/* A backup of an older format is brought up to date. */
static void
test_restore_older_format (void)
{
  g_autofree char *db = new_db_path ();
  g_autofree char *old = test_scratch_path ("schema-v1.db");
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "store", "fixtures",
                                                    "schema-v1.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *conn;

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);
  conn = test_sqlite_open (old);
  test_sqlite_exec (conn, sql);
  sqlite3_close (conn);

  g_assert_true (nb_backup_restore (db, old, NULL, &error));
  g_assert_no_error (error);
  conn = test_sqlite_open (db);
  g_assert_cmpint (test_sqlite_int (conn, "PRAGMA user_version"), ==, NB_STORE_SCHEMA_VERSION);
  sqlite3_close (conn);
  assert_no_stray_files (db, FALSE);
}

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
test_backup_async (void)
{
  g_autofree char *db = new_db_path ();
  g_autoptr(NbStore) store = open_store (db);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *automatic = NULL;
  g_autofree char *safety = NULL;

  test_fill_rich (store, FALSE);

  nb_backup_now_async (store, NULL, async_done_cb, &result);
  path = nb_backup_now_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (path);
  g_assert_cmpuint (count_people (path), ==, 4);
  g_clear_object (&result);

  nb_backup_maybe_automatic_async (store, 1, 10, NULL, async_done_cb, &result);
  g_assert_true (nb_backup_maybe_automatic_finish (store, wait_for (&result), &automatic, &error));
  g_assert_no_error (error);
  g_assert_null (automatic);
  g_clear_object (&result);

  /* The app closes its store, restores, opens it again. */
  test_add_person (store, "After The Backup", "", "");
  g_clear_object (&store);
  nb_backup_restore_async (db, path, NULL, async_done_cb, &result);
  g_assert_true (nb_backup_restore_finish (wait_for (&result), &safety, &error));
  g_assert_no_error (error);
  g_assert_nonnull (safety);
  g_assert_cmpuint (count_people (db), ==, 4);
  g_assert_cmpuint (count_people (safety), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backup/now", test_backup_now);
  g_test_add_func ("/backup/list-and-rotate", test_backup_list_and_rotate);
  g_test_add_func ("/backup/abandoned-copies", test_backup_abandoned_copies);
  g_test_add_func ("/backup/abandoned-restore-copies", test_backup_abandoned_restore_copies);
  g_test_add_func ("/backup/automatic", test_backup_automatic);
  g_test_add_func ("/backup/restore/refuses", test_restore_refuses);
  g_test_add_func ("/backup/restore/busy", test_restore_busy);
  g_test_add_func ("/backup/restore/success", test_restore_success);
  g_test_add_func ("/backup/restore/with-wal", test_restore_with_wal);
  g_test_add_func ("/backup/restore/backup-with-wal", test_restore_backup_with_wal);
  g_test_add_func ("/backup/restore/older-format", test_restore_older_format);
  g_test_add_func ("/backup/async", test_backup_async);

  return g_test_run ();
}
