/* test-corrupt.c: damaged and foreign files, beyond test-store-open.c.
 *
 * test-store-open.c refuses truncated files, flipped header bytes, a
 * file scribbled over, empty, text, foreign and newer files. Here:
 *
 * - one byte flipped in every page of a notebook, and whole pages zeroed
 *   or filled with junk: each file is refused as damaged and left
 *   byte for byte as it was, or it opens and every read either works or
 *   fails with a clear error (a flipped byte in a note is just another
 *   note: SQLite has no checksums). Never a crash: sanitizers watch.
 * - a write-ahead log damaged or cut short after a crash: the notebook
 *   opens with a prefix of what was committed, never half a transaction.
 * - every kind of refusal offers the newest automatic backup
 *   (nb_backup_find_newest()), which passes nb_backup_check() and
 *   restores; the damaged file is kept as the safety copy.
 * - netbook-cli on each kind of bad file: exit status 1, a message that
 *   names the file and says it was not changed, the file unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "nb-backup.h"
#include "robust-util.h"

#define TODAY "2024-05-15"

static GBytes *sample;
static guint page_size;

/* Every read the app does, on every person. Each works or fails with a
 * GError; the counts go to the log. */
static void
read_everything (NbStore *store,
                 guint   *n_ok,
                 guint   *n_failed)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  const char *queries[] = { "rossi", "person", "design", "met at", "zz", NULL };

#define TRY(expr)                                                   \
  G_STMT_START {                                                    \
    gpointer result_ = (gpointer) (expr);                           \
    if (error != NULL)                                              \
      {                                                             \
        if (!g_utf8_validate (error->message, -1, NULL))            \
          g_error ("%s: a message that is not UTF-8: %s",           \
                   #expr, g_strescape (error->message, NULL));      \
        g_assert_true (error->domain == NB_STORE_ERROR);            \
        (*n_failed)++;                                              \
        g_clear_error (&error);                                     \
      }                                                             \
    else                                                            \
      {                                                             \
        (*n_ok)++;                                                  \
      }                                                             \
    (void) result_;                                                 \
  } G_STMT_END

  people = nb_store_list_people (store, NULL, TRUE, &error);
  if (people == NULL)
    {
      (*n_failed)++;
      g_clear_error (&error);
      people = g_ptr_array_new ();
    }

  for (guint i = 0; i < people->len; i++)
    {
      gint64 id = nb_person_get_id (people->pdata[i]);
      g_autoptr(NbPerson) person = NULL;
      g_autoptr(GPtrArray) timeline = NULL;
      g_autoptr(NbBriefing) briefing = NULL;
      g_autoptr(NbTrust) trust = NULL;

      TRY (person = nb_store_get_person (store, id, &error));
      TRY (timeline = nb_store_list_entries (store, id, &error));
      TRY (briefing = nb_store_build_briefing (store, id, TODAY, &error));
      TRY (trust = nb_store_compute_trust (store, id, TODAY, &error));
    }

  for (guint i = 0; queries[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) hits = NULL;

      TRY (hits = nb_store_search (store, queries[i], 0, &error));
    }

  {
    g_autoptr(GPtrArray) followups = NULL;
    g_autoptr(GPtrArray) cold = NULL;
    g_autoptr(GPtrArray) upcoming = NULL;
    g_autoptr(GPtrArray) events = NULL;
    g_autoptr(GPtrArray) drafts = NULL;
    g_auto(GStrv) tags = NULL;
    g_autofree char *offers = NULL;
    g_autofree char *looking_for = NULL;
    guint given = 0;
    guint received = 0;

    TRY (followups = nb_store_list_followups (store, FALSE, TODAY, &error));
    TRY (cold = nb_store_list_going_cold (store, TODAY, &error));
    TRY (upcoming = nb_store_list_upcoming_meetings (store, TODAY, &error));
    TRY (events = nb_store_list_events (store, &error));
    TRY (drafts = nb_store_load_capture_drafts (store, &error));
    TRY (tags = nb_store_list_tags (store, &error));
    TRY (GINT_TO_POINTER (nb_store_get_profile (store, &offers, &looking_for, &error)));
    TRY (GINT_TO_POINTER (nb_store_get_goodwill (store, &given, &received, &error)));
  }

  /* And one write: saved, or refused with a clear error. */
  {
    g_autoptr(NbPerson) person = nb_person_new ("Written after the damage");

    TRY (GINT_TO_POINTER ((int) nb_store_add_person (store, person, &error)));
  }

#undef TRY
}

typedef struct {
  guint refused;
  guint opened;
  guint reads_ok;
  guint reads_failed;
} Tally;

/* Opens a damaged copy: refused and untouched, or open and readable
 * without crashing. */
static void
try_damaged (const char *label,
             const void *data,
             gsize       size,
             Tally      *tally)
{
  g_autofree char *dir = robust_scratch_dir ("damaged");
  g_autofree char *path = g_build_filename (dir, "netbook.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;

  test_write_file (path, data, size);
  before = test_read_file (path);

  store = nb_store_open (path, &error);
  if (store == NULL)
    {
      if (g_test_verbose ())
        g_test_message ("%s: %s", label, error->message);
      /* Damage, not an I/O error nor "another program's". */
      if (!g_error_matches (error, NB_STORE_ERROR, NB_STORE_ERROR_CORRUPT) &&
          !g_error_matches (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_DATABASE))
        g_error ("%s: refused as %d: %s", label, error->code, error->message);
      g_assert_nonnull (strstr (error->message, path));
      test_assert_untouched (path, before);
      tally->refused++;
    }
  else
    {
      read_everything (store, &tally->reads_ok, &tally->reads_failed);
      tally->opened++;
    }

  g_clear_object (&store);
  robust_remove_tree (dir);
}

static gboolean
budget_left (gint64 start)
{
  /* The whole sweep in long mode; fast mode as much as 12 s allow. */
  return robust_long_mode () || g_get_monotonic_time () - start < 12 * G_USEC_PER_SEC;
}

static void
test_flipped_pages (void)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (sample, &size);
  guint n_pages = (guint) (size / page_size);
  g_autofree guint8 *copy = g_malloc (size);
  Tally tally = { 0 };
  gint64 start = g_get_monotonic_time ();
  guint n = 0;

  /* Page 1's first 100 bytes are test-store-open.c's. */
  for (guint p = 0; p < n_pages && budget_left (start); p++)
    {
      guint n_flips = robust_long_mode () ? 8 : 1;

      for (guint f = 0; f < n_flips; f++)
        {
          gsize offset = (gsize) p * page_size +
                         (gsize) g_test_rand_int_range (p == 0 ? 100 : 0, (gint32) page_size);
          g_autofree char *label = g_strdup_printf ("page %u, byte %" G_GSIZE_FORMAT, p + 1, offset);

          memcpy (copy, data, size);
          copy[offset] ^= (guint8) g_test_rand_int_range (1, 256);
          try_damaged (label, copy, size, &tally);
          n++;
        }
    }

  g_test_message ("%u of %u pages, one flipped byte each: %u refused, %u opened "
                  "(%u reads worked, %u failed cleanly)",
                  MIN (n, n_pages), n_pages, tally.refused, tally.opened,
                  tally.reads_ok, tally.reads_failed);
}

static void
test_bad_pages (void)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (sample, &size);
  guint n_pages = (guint) (size / page_size);
  g_autofree guint8 *copy = g_malloc (size);
  Tally tally = { 0 };
  gint64 start = g_get_monotonic_time ();

  for (guint p = 1; p < n_pages && budget_left (start); p++)
    {
      g_autofree char *zeroed = g_strdup_printf ("page %u zeroed", p + 1);
      g_autofree char *junk = g_strdup_printf ("page %u junk", p + 1);
      g_autofree char *swapped = g_strdup_printf ("page %u swapped with page %u", p + 1, p);

      memcpy (copy, data, size);
      memset (copy + (gsize) p * page_size, 0, page_size);
      try_damaged (zeroed, copy, size, &tally);

      memcpy (copy, data, size);
      for (guint i = 0; i < page_size; i++)
        copy[(gsize) p * page_size + i] = (guint8) g_test_rand_int_range (0, 256);
      try_damaged (junk, copy, size, &tally);

      /* A page written in the wrong place: structurally valid, wrong. */
      memcpy (copy, data, size);
      memcpy (copy + (gsize) p * page_size, data + (gsize) (p - 1) * page_size, page_size);
      if (p > 1)
        try_damaged (swapped, copy, size, &tally);
    }

  g_test_message ("damaged pages: %u refused, %u opened (%u reads worked, %u failed cleanly)",
                  tally.refused, tally.opened, tally.reads_ok, tally.reads_failed);
}

/* A crash left committed transactions in the WAL; then the WAL was
 * damaged (a disk, a copy cut short). Opening plays back a prefix of the
 * transactions, whole ones, or refuses. */
static void
test_damaged_wal (void)
{
  g_autofree char *dir = robust_scratch_dir ("wal");
  g_autofree char *source = g_build_filename (dir, "source.db", NULL);
  g_autofree char *source_wal = g_strconcat (source, "-wal", NULL);
  g_autoptr(GBytes) db_bytes = NULL;
  g_autoptr(GBytes) wal_bytes = NULL;
  const guint n_tx = 12;
  gsize wal_size;
  guint n_tried = 0;
  guint n_refused = 0;
  guint longest = 0;
  guint shortest = G_MAXUINT;
  sqlite3 *db;

  test_write_file (source, g_bytes_get_data (sample, NULL), g_bytes_get_size (sample));
  db = test_sqlite_open (source);
  test_sqlite_exec (db, "PRAGMA wal_autocheckpoint = 0");
  for (guint i = 0; i < n_tx; i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "BEGIN;"
        "INSERT INTO people (display_name, sort_key, folded_name, created, updated)"
        " VALUES ('Tx %u', 'tx %u', 'tx %u', 1, 1);"
        "INSERT INTO entries (person_id, kind, date, text, created, updated)"
        " VALUES (last_insert_rowid (), 'note', '2024-05-01', 'Note of tx %u', 1, 1);"
        "COMMIT;", i, i, i, i);

      test_sqlite_exec (db, sql);
    }
  /* Copy while it is still open: the WAL holds every transaction. */
  db_bytes = test_read_file (source);
  wal_bytes = test_read_file (source_wal);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  wal_size = g_bytes_get_size (wal_bytes);
  g_assert_cmpuint (wal_size, >, 32);

  for (guint attempt = 0; attempt < (robust_long_mode () ? 400u : 60u); attempt++)
    {
      g_autofree char *case_dir = robust_scratch_dir ("wal-case");
      g_autofree char *path = g_build_filename (case_dir, "netbook.db", NULL);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (wal_bytes, NULL), wal_size);
      g_autoptr(NbStore) store = NULL;
      g_autoptr(GError) error = NULL;
      gsize cut = wal_size;
      guint present = 0;

      if (attempt % 2 == 0)
        {
          /* Cut short anywhere. */
          cut = (gsize) g_test_rand_int_range (0, (gint32) wal_size);
        }
      else
        {
          /* A byte flipped anywhere: header, frame headers, pages. */
          gsize offset = (gsize) g_test_rand_int_range (0, (gint32) wal_size);

          copy[offset] ^= (guint8) g_test_rand_int_range (1, 256);
        }

      test_write_file (path, g_bytes_get_data (db_bytes, NULL), g_bytes_get_size (db_bytes));
      test_write_file (wal, copy, cut);

      store = nb_store_open (path, &error);
      n_tried++;
      if (store == NULL)
        {
          g_test_message ("WAL case %u refused: %s", attempt, error->message);
          n_refused++;
          robust_remove_tree (case_dir);
          continue;
        }
      g_clear_object (&store);
      robust_assert_integrity (path);

      /* A prefix of whole transactions: Tx 0 … Tx k-1, each with its note. */
      db = test_sqlite_open (path);
      for (guint i = 0; i < n_tx; i++)
        {
          g_autofree char *person = g_strdup_printf ("SELECT count (*) FROM people WHERE display_name = 'Tx %u'", i);
          g_autofree char *note = g_strdup_printf ("SELECT count (*) FROM entries WHERE text = 'Note of tx %u'", i);
          gint64 has_person = test_sqlite_int (db, person);
          gint64 has_note = test_sqlite_int (db, note);

          g_assert_cmpint (has_person, ==, has_note);
          if (has_person == 0)
            break;
          present++;
        }
      for (guint i = present; i < n_tx; i++)
        {
          g_autofree char *person = g_strdup_printf ("SELECT count (*) FROM people WHERE display_name = 'Tx %u'", i);

          g_assert_cmpint (test_sqlite_int (db, person), ==, 0);
        }
      g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

      longest = MAX (longest, present);
      shortest = MIN (shortest, present);
      robust_remove_tree (case_dir);
    }

  g_test_message ("%u damaged WALs: %u refused; the others kept %u to %u of %u transactions, whole",
                  n_tried, n_refused, shortest, longest, n_tx);
}

/* Each kind of file Netbook refuses: the newest automatic backup is
 * there to offer, it passes the checks, and restoring it works. */
static void
test_backup_offered (void)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (sample, &size);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree guint8 *flipped = g_memdup2 (data, size);
  struct {
    const char *name;
    const void *data;
    gsize       size;
  } bad[] = {
    { "empty", "", 0 },
    { "text", NULL, 0 },
    { "truncated", data, size / 2 },
    { "flipped header", flipped, size },
    { "scribbled pages", NULL, 0 },
  };
  g_autofree guint8 *scribbled = g_memdup2 (data, size);

  for (guint i = 0; i < 100; i++)
    g_string_append (text, "Dear diary, today I met nobody.\n");
  bad[1].data = text->str;
  bad[1].size = text->len;
  flipped[16] = 0x03;
  for (gsize i = page_size; i < size; i++)
    scribbled[i] = (guint8) (i * 7 + 3);
  bad[4].data = scribbled;
  bad[4].size = size;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *dir = robust_scratch_dir ("offered");
      g_autofree char *path = g_build_filename (dir, "netbook.db", NULL);
      g_autofree char *newest = NULL;
      g_autofree char *safety = NULL;
      g_autofree char *backup_fp = NULL;
      g_autoptr(GBytes) damaged = NULL;
      g_autoptr(NbStore) store = NULL;
      g_autoptr(GError) error = NULL;

      /* Yesterday's notebook, backed up automatically… */
      test_write_file (path, data, size);
      store = nb_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_true (nb_backup_maybe_automatic (store, 1, 5, NULL, &error));
      g_assert_no_error (error);
      g_clear_object (&store);
      newest = nb_backup_find_newest (path);
      g_assert_nonnull (newest);
      backup_fp = robust_fingerprint (newest);
      g_clear_pointer (&newest, g_free);

      /* …and today it is damaged. */
      robust_replace_file (path, bad[i].data, bad[i].size);
      damaged = test_read_file (path);
      store = nb_store_open (path, &error);
      g_assert_null (store);
      g_test_message ("%s: %s", bad[i].name, error->message);
      g_assert_true (error->code == NB_STORE_ERROR_CORRUPT || error->code == NB_STORE_ERROR_NOT_DATABASE);
      g_assert_nonnull (strstr (error->message, "did not change it"));
      g_clear_error (&error);
      test_assert_untouched (path, damaged);

      /* What the error page offers. */
      newest = nb_backup_find_newest (path);
      g_assert_nonnull (newest);
      nb_backup_check (newest, &error);
      g_assert_no_error (error);

      nb_backup_restore (path, newest, &safety, &error);
      g_assert_no_error (error);
      g_assert_nonnull (safety);

      /* The damaged file is kept, byte for byte, in case. */
      {
        g_autoptr(GBytes) kept = test_read_file (safety);

        g_assert_true (g_bytes_equal (kept, damaged));
      }

      store = nb_store_open (path, &error);
      g_assert_no_error (error);
      g_clear_object (&store);
      {
        g_autofree char *restored_fp = robust_fingerprint (path);

        g_assert_cmpstr (restored_fp, ==, backup_fp);
      }
    }
}

/* netbook-cli says what is wrong, exits 1, and leaves the file alone. */
static void
test_cli_refuses (void)
{
  const char *cli = g_getenv ("NETBOOK_CLI");
  gsize size;
  const guint8 *data = g_bytes_get_data (sample, &size);
  g_autofree char *dir = robust_scratch_dir ("cli");
  g_autofree char *foreign = g_build_filename (dir, "foreign.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree guint8 *scribbled = g_memdup2 (data, size);
  sqlite3 *db;

  g_assert_nonnull (cli);

  db = test_sqlite_open (foreign);
  test_sqlite_exec (db, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('Bread')");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  test_write_file (newer, data, size);
  db = test_sqlite_open (newer);
  test_sqlite_exec (db, "PRAGMA user_version = 99");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  for (gsize i = page_size; i < size; i++)
    scribbled[i] = (guint8) (i * 13 + 1);

  {
    struct {
      const char *name;
      const void *data;
      gsize       size;
      const char *says;
    } files[] = {
      { "empty.db", "", 0, "empty" },
      { "text.db", "Shopping list: eggs\n", 20, "not a Netbook notebook" },
      { "truncated.db", data, size - 1, "damaged" },
      { "scribbled.db", scribbled, size, "damaged" },
      { "foreign.db", NULL, 0, "another program" },
      { "newer.db", NULL, 0, "newer version" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *path = g_build_filename (dir, files[i].name, NULL);
        const char *commands[][3] = { { "list", NULL }, { "add", "Bob", NULL },
                                      { "search", "bob", NULL } };
        g_autoptr(GBytes) before = NULL;

        if (files[i].data != NULL)
          test_write_file (path, files[i].data, files[i].size);
        before = test_read_file (path);

        for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
          {
            const char *argv[] = { cli, "--db", path, commands[c][0], commands[c][1], NULL };
            g_autofree char *out = NULL;
            g_autofree char *err = NULL;

            g_assert_cmpint (robust_spawn (argv, NULL, NULL, &out, &err), ==, 1);
            if (c == 0)
              g_test_message ("%s: %s", files[i].name, err);
            g_assert_cmpstr (out, ==, "");
            g_assert_nonnull (strstr (err, path));
            g_assert_nonnull (strstr (err, files[i].says));
            g_assert_nonnull (strstr (err, "did not change it"));
            test_assert_untouched (path, before);
          }
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("NETBOOK_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  {
    g_autofree char *dir = robust_scratch_dir ("sample");
    g_autofree char *path = g_build_filename (dir, "netbook.db", NULL);
    const guint8 *data;

    robust_make_sample (path, 40);
    sample = test_read_file (path);
    data = g_bytes_get_data (sample, NULL);
    page_size = ((guint) data[16] << 8) | data[17];
  }

  g_test_add_func ("/robust/corrupt/flipped-pages", test_flipped_pages);
  g_test_add_func ("/robust/corrupt/bad-pages", test_bad_pages);
  g_test_add_func ("/robust/corrupt/damaged-wal", test_damaged_wal);
  g_test_add_func ("/robust/corrupt/backup-offered", test_backup_offered);
  g_test_add_func ("/robust/corrupt/cli-refuses", test_cli_refuses);

  return g_test_run ();
}
