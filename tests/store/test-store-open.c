/* test-store-open.c: creating notebooks, and refusing files safely.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "store-test-util.h"

/* A closed Netbook notebook with some data, as bytes. */
static GBytes *
make_notebook (guint n_people)
{
  g_autofree char *path = test_scratch_path ("source.db");
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;

  test_fill_sample (store);
  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u with a rather long name", i);

      test_add_person (store, name, "Some Company Ltd", "Some role");
    }

  nb_store_backup (store, path, &error);
  g_assert_no_error (error);

  return test_read_file (path);
}

/* Writes @bytes to a new file, opens it, expects @code, and checks that
 * the file is exactly as it was. */
static void
assert_refused (const void *data,
                gsize       size,
                int         code)
{
  g_autofree char *path = test_scratch_path ("refused.db");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbStore) store = NULL;

  test_write_file (path, data, size);
  before = test_read_file (path);

  store = nb_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, NB_STORE_ERROR, code);
  g_test_message ("%s", error->message);
  /* The message names the file and says that it was left alone. */
  g_assert_nonnull (strstr (error->message, path));

  test_assert_untouched (path, before);

  /* A second try sees the same file and says the same. */
  g_clear_error (&error);
  store = nb_store_open (path, &error);
  g_assert_error (error, NB_STORE_ERROR, code);
  test_assert_untouched (path, before);
}

static void
test_default_path (void)
{
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *dir = NULL;
  GStatBuf st;
  sqlite3 *db;

  expected = g_build_filename (g_get_user_data_dir (), "netbook", "netbook.db", NULL);
  dir = g_path_get_dirname (expected);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  store = nb_store_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_store_get_path (store), ==, expected);

  g_assert_cmpint (g_stat (expected, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* No temporary file left beside it. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_true (g_str_has_prefix (name, "netbook.db"));
  }

  /* The connection's settings. */
  db = store->db;
  g_assert_cmpint (test_sqlite_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (test_sqlite_int (db, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (test_sqlite_int (db, "PRAGMA busy_timeout"), ==, 5000);
  g_assert_cmpint (test_sqlite_int (db, "PRAGMA user_version"), ==, NB_STORE_SCHEMA_VERSION);
  g_assert_cmpint (test_sqlite_int (db, "PRAGMA application_id"), ==, NB_STORE_APPLICATION_ID);
  g_assert_cmpint (test_sqlite_int (db, "SELECT count (*) FROM profile"), ==, 1);
  {
    g_autofree char *default_path = nb_store_get_default_path ();

    g_assert_cmpstr (default_path, ==, expected);
  }
}

static void
test_wal_and_reopen (void)
{
  g_autofree char *path = test_scratch_path ("reopen.db");
  g_autoptr(GError) error = NULL;
  NbStore *store;
  gint64 id;

  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  id = test_add_person (store, "Ada Lovelace", "", "");
  g_object_unref (store);

  /* The header says WAL (bytes 18 and 19 are 2). */
  {
    g_autoptr(GBytes) bytes = test_read_file (path);
    const guint8 *data = g_bytes_get_data (bytes, NULL);

    g_assert_cmpint (data[18], ==, 2);
    g_assert_cmpint (data[19], ==, 2);
  }

  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(NbPerson) person = nb_store_get_person (store, id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (nb_person_get_display_name (person), ==, "Ada Lovelace");
  }
  g_object_unref (store);
}

static void
test_refuse_empty (void)
{
  assert_refused ("", 0, NB_STORE_ERROR_NOT_DATABASE);
}

static void
test_refuse_text (void)
{
  const char *short_text = "Shopping list: eggs, milk\n";
  g_autoptr(GString) long_text = g_string_new (NULL);

  for (guint i = 0; i < 200; i++)
    g_string_append (long_text, "Dear diary, today I met nobody.\n");

  assert_refused (short_text, strlen (short_text), NB_STORE_ERROR_NOT_DATABASE);
  assert_refused (long_text->str, long_text->len, NB_STORE_ERROR_NOT_DATABASE);
  assert_refused ("SQLite", 6, NB_STORE_ERROR_CORRUPT);
  assert_refused ("\0\0\0\0", 4, NB_STORE_ERROR_NOT_DATABASE);
}

static void
test_refuse_truncated (void)
{
  g_autoptr(GBytes) notebook = make_notebook (300);
  const guint8 *data;
  gsize size;
  guint page_size;
  gsize cuts[8];

  data = g_bytes_get_data (notebook, &size);
  page_size = ((guint) data[16] << 8) | data[17];
  g_assert_cmpuint (size, >, 8 * page_size);

  cuts[0] = 16;
  cuts[1] = 50;
  cuts[2] = 100;
  cuts[3] = page_size - 1;
  cuts[4] = page_size;
  cuts[5] = 2 * page_size + 17;
  cuts[6] = size - page_size;
  cuts[7] = size - 1;

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_test_message ("cut at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT, cuts[i], size);
      assert_refused (data, cuts[i], NB_STORE_ERROR_CORRUPT);
    }
}

static void
test_refuse_flipped_header (void)
{
  g_autoptr(GBytes) notebook = make_notebook (0);
  const guint8 *data;
  gsize size;
  struct {
    guint offset;
    guint8 value;
    int code;
  } flips[] = {
    { 0, 'X', NB_STORE_ERROR_NOT_DATABASE },
    { 7, 'F', NB_STORE_ERROR_NOT_DATABASE },
    { 15, '!', NB_STORE_ERROR_NOT_DATABASE },
    { 16, 0x03, NB_STORE_ERROR_CORRUPT },   /* page size 768 */
    { 21, 0x00, NB_STORE_ERROR_CORRUPT },   /* payload fraction */
    { 28, 0x7f, NB_STORE_ERROR_CORRUPT },   /* page count far beyond the end */
  };

  data = g_bytes_get_data (notebook, &size);

  for (guint i = 0; i < G_N_ELEMENTS (flips); i++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);

      copy[flips[i].offset] = flips[i].value;
      g_test_message ("byte %u = 0x%02x", flips[i].offset, flips[i].value);
      assert_refused (copy, size, flips[i].code);
    }
}

static void
test_refuse_damaged_pages (void)
{
  g_autoptr(GBytes) notebook = make_notebook (300);
  g_autofree guint8 *copy = NULL;
  gsize size;
  guint page_size;

  copy = g_bytes_unref_to_data (g_bytes_ref (notebook), &size);
  page_size = ((guint) copy[16] << 8) | copy[17];

  /* Scribble over every page but the first: the header is fine, the
   * b-trees are not. quick_check must say so. */
  for (gsize i = page_size; i < size; i++)
    copy[i] = (guint8) (i * 7 + 3);

  assert_refused (copy, size, NB_STORE_ERROR_CORRUPT);
}

/* A notebook the store closed cleanly is not read page by page when it
 * opens again unchanged; once another program changed it, it is, even
 * in place and within the same clock tick. */
static void
test_known_healthy (void)
{
  g_autoptr(GBytes) notebook = make_notebook (300);
  g_autofree char *path = test_scratch_path ("healthy.db");
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *copy = NULL;
  gsize size;
  guint page_size;
  FILE *file;

  test_write_file (path, g_bytes_get_data (notebook, NULL), g_bytes_get_size (notebook));

  /* Checked, then closed cleanly: noted healthy. */
  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_false (g_file_test (wal_path, G_FILE_TEST_EXISTS));

  /* Unchanged: opens, and everything reads. */
  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  people = nb_store_get_people_model (store);
  g_assert_cmpuint (g_list_model_get_n_items (people), >=, 300);
  g_clear_object (&people);
  g_clear_object (&store);

  /* Scribbled over in place by someone else, header kept. */
  copy = g_bytes_unref_to_data (test_read_file (path), &size);
  page_size = ((guint) copy[16] << 8) | copy[17];
  for (gsize i = page_size; i < size; i++)
    copy[i] = (guint8) (i * 7 + 3);
  file = fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (copy, 1, size, file), ==, size);
  g_assert_cmpint (fclose (file), ==, 0);

  store = nb_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_CORRUPT);
}

static GBytes *
make_sqlite_file (const char *sql,
                  gboolean    wal)
{
  g_autofree char *path = test_scratch_path ("other.db");
  sqlite3 *db = test_sqlite_open (path);

  if (wal)
    test_sqlite_exec (db, "PRAGMA journal_mode = WAL");
  test_sqlite_exec (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return test_read_file (path);
}

static void
test_refuse_foreign (void)
{
  const char *sql = "CREATE TABLE recipes (name TEXT, steps TEXT);"
                    "INSERT INTO recipes VALUES ('Bread', 'Knead');";
  g_autoptr(GBytes) plain = make_sqlite_file (sql, FALSE);
  g_autoptr(GBytes) wal = make_sqlite_file (sql, TRUE);
  g_autoptr(GBytes) other_id = make_sqlite_file ("PRAGMA application_id = 1234;"
                                                 "CREATE TABLE t (x); DROP TABLE t;",
                                                 FALSE);
  /* Netbook's table names, but another program's id. */
  g_autoptr(GBytes) lookalike = make_sqlite_file ("PRAGMA application_id = 42;"
                                                  "CREATE TABLE people (id INTEGER PRIMARY KEY);",
                                                  TRUE);
  gconstpointer data;
  gsize size;

  data = g_bytes_get_data (plain, &size);
  assert_refused (data, size, NB_STORE_ERROR_FOREIGN);
  data = g_bytes_get_data (wal, &size);
  assert_refused (data, size, NB_STORE_ERROR_FOREIGN);
  data = g_bytes_get_data (other_id, &size);
  assert_refused (data, size, NB_STORE_ERROR_FOREIGN);
  data = g_bytes_get_data (lookalike, &size);
  assert_refused (data, size, NB_STORE_ERROR_FOREIGN);
}

static void
test_refuse_too_new (void)
{
  g_autofree char *path = test_scratch_path ("newer.db");
  g_autoptr(GBytes) notebook = make_notebook (10);
  g_autoptr(GBytes) newer = NULL;
  gconstpointer data;
  gsize size;
  sqlite3 *db;

  data = g_bytes_get_data (notebook, &size);
  test_write_file (path, data, size);
  db = test_sqlite_open (path);
  test_sqlite_exec (db, "PRAGMA journal_mode = WAL; PRAGMA user_version = 99");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  newer = test_read_file (path);
  data = g_bytes_get_data (newer, &size);
  assert_refused (data, size, NB_STORE_ERROR_TOO_NEW);
}

/* A worker's second connection (an import's) opens without checking the
 * pages again, reads what the store sees, and is refused if a newer
 * Netbook migrated the file meanwhile. */
static void
test_worker_connection (void)
{
  g_autofree char *path = test_scratch_path ("worker.db");
  g_autoptr(GBytes) notebook = make_notebook (10);
  g_autoptr(NbStore) store = NULL;
  g_autoptr(NbStore) worker = NULL;
  g_autoptr(GPtrArray) seen = NULL;
  g_autoptr(GPtrArray) seen_by_worker = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  test_write_file (path, g_bytes_get_data (notebook, NULL), g_bytes_get_size (notebook));
  store = nb_store_open (path, &error);
  g_assert_no_error (error);

  worker = _nb_store_open_worker (nb_store_get_path (store), &error);
  g_assert_no_error (error);
  seen = nb_store_list_people (store, NULL, TRUE, &error);
  g_assert_no_error (error);
  seen_by_worker = nb_store_list_people (worker, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, >=, 10);
  g_assert_cmpuint (seen_by_worker->len, ==, seen->len);
  g_clear_object (&worker);

  db = test_sqlite_open (path);
  test_sqlite_exec (db, "PRAGMA user_version = 99");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  worker = _nb_store_open_worker (nb_store_get_path (store), &error);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_TOO_NEW);
  g_assert_null (worker);
}

/* A newer Netbook crashed: its last commit is still in the -wal. Both
 * files stay exactly as they were. */
static void
test_refuse_too_new_with_wal (void)
{
  g_autofree char *source = test_scratch_path ("crashed.db");
  g_autofree char *source_wal = g_strconcat (source, "-wal", NULL);
  g_autofree char *path = test_scratch_path ("copy.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GBytes) notebook = make_notebook (10);
  g_autoptr(GBytes) db_before = NULL;
  g_autoptr(GBytes) wal_before = NULL;
  g_autoptr(GBytes) db_after = NULL;
  g_autoptr(GBytes) wal_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbStore) store = NULL;
  gconstpointer data;
  gsize size;
  sqlite3 *db;

  data = g_bytes_get_data (notebook, &size);
  test_write_file (source, data, size);
  db = test_sqlite_open (source);
  test_sqlite_exec (db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                        "PRAGMA user_version = 7;"
                        "UPDATE people SET company = 'Later' WHERE id = 1");

  /* Copy while the writer still holds it: the copy has an unfinished WAL. */
  db_before = test_read_file (source);
  wal_before = test_read_file (source_wal);
  g_assert_cmpuint (g_bytes_get_size (wal_before), >, 0);
  test_write_file (path, g_bytes_get_data (db_before, NULL), g_bytes_get_size (db_before));
  test_write_file (wal, g_bytes_get_data (wal_before, NULL), g_bytes_get_size (wal_before));
  sqlite3_close (db);

  store = nb_store_open (path, &error);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_TOO_NEW);

  db_after = test_read_file (path);
  wal_after = test_read_file (wal);
  g_assert_true (g_bytes_equal (db_before, db_after));
  g_assert_true (g_bytes_equal (wal_before, wal_after));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

static void
test_refuse_folder (void)
{
  g_autofree char *path = test_scratch_path ("folder.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(NbStore) store = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  store = nb_store_open (path, &error);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_DATABASE);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
}

/* An empty SQLite file holds nothing to lose: it becomes a notebook. */
static void
test_adopt_empty_sqlite (void)
{
  g_autofree char *path = test_scratch_path ("empty.db");
  g_autoptr(GBytes) empty = make_sqlite_file ("CREATE TABLE t (x); DROP TABLE t;", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbStore) store = NULL;

  test_write_file (path, g_bytes_get_data (empty, NULL), g_bytes_get_size (empty));
  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sqlite_int (store->db, "PRAGMA application_id"), ==, NB_STORE_APPLICATION_ID);
  test_add_person (store, "Grace Hopper", "", "");
}

static void
test_read_only (void)
{
  g_autofree char *dir = test_scratch_path ("locked");
  g_autofree char *path = g_build_filename (dir, "netbook.db", NULL);
  g_autofree char *inner = g_build_filename (dir, "sub", "netbook.db", NULL);
  g_autoptr(GError) error = NULL;
  NbStore *store;

  if (getuid () == 0)
    {
      g_test_skip ("root can write anywhere");
      return;
    }

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (store);

  /* A read-only folder: the WAL cannot be made. */
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  store = nb_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  store = nb_store_open (inner, &error);
  g_assert_null (store);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);

  /* A read-only file. */
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  store = nb_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_READ_ONLY);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
}

static void
test_error_mapping (void)
{
  struct {
    int rc;
    int code;
  } cases[] = {
    { SQLITE_FULL, NB_STORE_ERROR_FULL },
    { SQLITE_READONLY, NB_STORE_ERROR_READ_ONLY },
    { SQLITE_CANTOPEN, NB_STORE_ERROR_READ_ONLY },
    { SQLITE_IOERR_WRITE, NB_STORE_ERROR_IO },
    { SQLITE_IOERR, NB_STORE_ERROR_IO },
    { SQLITE_BUSY, NB_STORE_ERROR_BUSY },
    { SQLITE_BUSY_SNAPSHOT, NB_STORE_ERROR_BUSY },
    { SQLITE_CORRUPT, NB_STORE_ERROR_CORRUPT },
    { SQLITE_NOTADB, NB_STORE_ERROR_CORRUPT },
    { SQLITE_CONSTRAINT_CHECK, NB_STORE_ERROR_INVALID },
    { SQLITE_ERROR, NB_STORE_ERROR_FAILED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      _nb_db_set_error (&error, NULL, cases[i].rc, "/x/netbook.db", FALSE);
      g_assert_error (error, NB_STORE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "/x/netbook.db"));
    }
}

static void
test_fold (void)
{
  struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "Ångström", "angstrom" },
    { "ZOË", "zoe" },
    { "Straße", "strasse" },
    { "E\xcc\x81mile", "emile" },
    { "", "" },
    { "O'Brien <b>&", "o'brien <b>&" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = _nb_fold (cases[i].in);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }

  {
    g_autofree char *name = _nb_fold_name ("  Zoë \t Ångström  ");

    g_assert_cmpstr (name, ==, "zoe angstrom");
  }
}

static gint64
cache_used (NbStore *store)
{
  int used = 0, highwater = 0;

  g_assert_cmpint (sqlite3_db_status (store->db, SQLITE_DBSTATUS_CACHE_USED,
                                      &used, &highwater, FALSE), ==, SQLITE_OK);
  return used;
}

static gboolean
add_two_releasing_between (NbStore   *store,
                           gpointer   user_data,
                           GError   **error)
{
  test_add_person (store, "Before Release", "", "");
  nb_store_release_memory (store);
  test_add_person (store, "After Release", "", "");
  return TRUE;
}

/* The cache is given back, nothing else changes, and a write in
 * progress keeps its pages. */
static void
test_release_memory (void)
{
  g_autofree char *path = test_scratch_path ("release.db");
  g_autofree char *company = g_strnfill (300, 'c');
  g_autoptr(GError) error = NULL;
  NbStore *store;
  gint64 full;

  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %03u", i);

      test_add_person (store, name, company, "Engineer");
    }
  g_object_unref (store);

  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) people = nb_store_list_people (store, NULL, FALSE, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (people->len, ==, 400);
  }
  /* 400 cards of 300 bytes: more than 30 pages read. */
  full = cache_used (store);
  g_assert_cmpint (full, >, 30 * 4096);

  nb_store_release_memory (store);
  g_assert_cmpint (cache_used (store), <, full / 4);

  /* The people model reads everyone and gives the cache back itself. */
  {
    g_autoptr(GPtrArray) people = nb_store_list_people (store, NULL, FALSE, &error);
    g_autoptr(GListModel) model = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (cache_used (store), >, 30 * 4096);
    model = nb_store_get_people_model (store);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 400);
    g_assert_cmpint (cache_used (store), <, full / 4);
  }

  g_assert_true (nb_store_transaction (store, add_two_releasing_between, NULL, &error));
  g_assert_no_error (error);
  g_object_unref (store);

  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) people = nb_store_get_people_model (store);
    g_autoptr(NbPerson) first = g_list_model_get_item (people, 0);

    g_assert_cmpuint (g_list_model_get_n_items (people), ==, 402);
    g_assert_cmpstr (nb_person_get_display_name (first), ==, "After Release");
  }
  g_object_unref (store);
}

static gboolean
add_many_big_cards (NbStore   *store,
                    gpointer   user_data,
                    GError   **error)
{
  g_autofree char *company = g_strnfill (3000, 'c');

  for (guint i = 0; i < GPOINTER_TO_UINT (user_data); i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %04u", i);

      test_add_person (store, name, company, "Engineer");
    }
  return TRUE;
}

static gint64
cache_size_pragma (NbStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 size;

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, "PRAGMA cache_size", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  size = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return size;
}

/* Reading everyone (5 MiB of cards here) goes through a small page
 * cache, and leaves the usual one behind it. */
static void
test_bulk_read_cache (void)
{
  g_autofree char *path = test_scratch_path ("bulk-cache.db");
  g_autoptr(GError) error = NULL;
  NbStore *store;

  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (nb_store_transaction (store, add_many_big_cards, GUINT_TO_POINTER (1600), &error));
  g_assert_no_error (error);
  g_object_unref (store);

  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cache_size_pragma (store), ==, NB_STORE_CACHE_KIB_NEG);
  {
    g_autoptr(GPtrArray) people = _nb_store_list_people_upto (store, -1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (people->len, ==, 1600);
    g_assert_cmpint (cache_used (store), <=, (NB_STORE_BULK_CACHE_KIB + 256) * 1024);
  }
  g_assert_cmpint (cache_size_pragma (store), ==, NB_STORE_CACHE_KIB_NEG);

  /* Other reads still have the whole cache. */
  {
    g_autoptr(GPtrArray) people = nb_store_list_people (store, NULL, FALSE, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (people->len, ==, 1600);
    g_assert_cmpint (cache_used (store), >, (NB_STORE_BULK_CACHE_KIB + 1024) * 1024);
  }
  g_object_unref (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/open/default-path", test_default_path);
  g_test_add_func ("/store/open/wal-and-reopen", test_wal_and_reopen);
  g_test_add_func ("/store/open/refuse-empty", test_refuse_empty);
  g_test_add_func ("/store/open/refuse-text", test_refuse_text);
  g_test_add_func ("/store/open/refuse-truncated", test_refuse_truncated);
  g_test_add_func ("/store/open/refuse-flipped-header", test_refuse_flipped_header);
  g_test_add_func ("/store/open/refuse-damaged-pages", test_refuse_damaged_pages);
  g_test_add_func ("/store/open/known-healthy", test_known_healthy);
  g_test_add_func ("/store/open/refuse-foreign", test_refuse_foreign);
  g_test_add_func ("/store/open/refuse-too-new", test_refuse_too_new);
  g_test_add_func ("/store/open/refuse-too-new-with-wal", test_refuse_too_new_with_wal);
  g_test_add_func ("/store/open/worker-connection", test_worker_connection);
  g_test_add_func ("/store/open/refuse-folder", test_refuse_folder);
  g_test_add_func ("/store/open/adopt-empty-sqlite", test_adopt_empty_sqlite);
  g_test_add_func ("/store/open/read-only", test_read_only);
  g_test_add_func ("/store/open/error-mapping", test_error_mapping);
  g_test_add_func ("/store/open/fold", test_fold);
  g_test_add_func ("/store/open/release-memory", test_release_memory);
  g_test_add_func ("/store/open/bulk-read-cache", test_bulk_read_cache);

  return g_test_run ();
}
