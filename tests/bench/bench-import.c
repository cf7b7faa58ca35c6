/* bench-import.c: importing a phone's vCard file and a LinkedIn export.
 *
 * Each repetition imports into a new, empty notebook. The floor inserts
 * the same people (fields split out of the file before the clock
 * starts) into an empty notebook with one prepared INSERT in one
 * transaction, then writes their search rows in one statement before
 * COMMIT, as the store does (schema version 3: the triggers only note
 * which rows to write); its nb_fold() is ASCII lower case, so the floor
 * does not fold accents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench.h"

#ifdef HAVE_NB_IMPORT
#include "nb-import.h"
#endif

#define IMPORT_REPETITIONS_MAX 5

typedef struct {
  char *display_name;
  char *given;
  char *family;
  char *company;
  char *role;
  char *emails;
  char *phones;
  char *urls;
} FloorCard;

static void
floor_card_free (FloorCard *card)
{
  g_free (card->display_name);
  g_free (card->given);
  g_free (card->family);
  g_free (card->company);
  g_free (card->role);
  g_free (card->emails);
  g_free (card->phones);
  g_free (card->urls);
  g_free (card);
}

static void
append_line (char       **field,
             const char  *value)
{
  char *joined = *field != NULL ? g_strconcat (*field, "\n", value, NULL) : g_strdup (value);

  g_free (*field);
  *field = joined;
}

/* Cards of a vCard file, split without any care for escapes: the
 * floor's input, not an importer. */
static GPtrArray *
split_vcard (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *unfolded = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *cards = g_ptr_array_new_with_free_func ((GDestroyNotify) floor_card_free);
  FloorCard *card = NULL;
  GString *text;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return cards;

  text = g_string_new (contents);
  g_string_replace (text, "\r\n ", "", 0);
  g_string_replace (text, "\r\n", "\n", 0);
  unfolded = g_string_free (text, FALSE);
  lines = g_strsplit (unfolded, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *colon = strchr (line, ':');
      const char *value = colon != NULL ? colon + 1 : "";

      if (g_str_equal (line, "BEGIN:VCARD"))
        card = g_new0 (FloorCard, 1);
      else if (card == NULL)
        continue;
      else if (g_str_equal (line, "END:VCARD"))
        {
          if (card->display_name == NULL)
            card->display_name = g_strdup ("?");
          g_ptr_array_add (cards, card);
          card = NULL;
        }
      else if (g_str_has_prefix (line, "FN:"))
        card->display_name = g_strdup (value);
      else if (g_str_has_prefix (line, "N:"))
        {
          g_auto(GStrv) parts = g_strsplit (value, ";", 3);

          card->family = g_strdup (parts[0] != NULL ? parts[0] : "");
          card->given = g_strdup (parts[0] != NULL && parts[1] != NULL ? parts[1] : "");
        }
      else if (g_str_has_prefix (line, "ORG:"))
        card->company = g_strdup (value);
      else if (g_str_has_prefix (line, "TITLE:"))
        card->role = g_strdup (value);
      else if (g_str_has_prefix (line, "EMAIL"))
        append_line (&card->emails, value);
      else if (g_str_has_prefix (line, "TEL"))
        append_line (&card->phones, value);
      else if (g_str_has_prefix (line, "URL:"))
        append_line (&card->urls, value);
    }

  g_clear_pointer (&card, floor_card_free);
  return cards;
}

/* Fields of one CSV line (quotes handled, no newlines inside fields). */
static GStrv
split_csv_line (const char *line)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; ; p++)
    {
      if (*p == '\0' || (*p == ',' && !quoted))
        {
          g_strv_builder_add (builder, field->str);
          g_string_truncate (field, 0);
          if (*p == '\0')
            break;
        }
      else if (*p == '"' && quoted && p[1] == '"')
        {
          g_string_append_c (field, '"');
          p++;
        }
      else if (*p == '"')
        quoted = !quoted;
      else
        g_string_append_c (field, *p);
    }

  return g_strv_builder_end (builder);
}

static GPtrArray *
split_linkedin (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *cards = g_ptr_array_new_with_free_func ((GDestroyNotify) floor_card_free);
  gboolean in_rows = FALSE;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return cards;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      FloorCard *card;

      if (!in_rows)
        {
          in_rows = g_str_has_prefix (lines[i], "First Name,");
          continue;
        }
      if (*lines[i] == '\0')
        continue;

      fields = split_csv_line (lines[i]);
      if (g_strv_length (fields) < 7)
        continue;

      card = g_new0 (FloorCard, 1);
      card->given = g_strdup (fields[0]);
      card->family = g_strdup (fields[1]);
      card->display_name = g_strdup_printf ("%s %s", fields[0], fields[1]);
      card->urls = g_strdup (fields[2]);
      card->emails = g_strdup (fields[3]);
      card->company = g_strdup (fields[4]);
      card->role = g_strdup (fields[5]);
      g_ptr_array_add (cards, card);
    }

  return cards;
}

/* The search rows of the new cards, as _nb_store_sync_search() writes
 * them. */
#define FLOOR_SEARCH_SQL \
  "INSERT INTO search (rowid, person_id, name, work, offers, about, tags, note)" \
  " SELECT 2 * p.id, p.id," \
  "  nb_fold (p.display_name || ' ' || p.given_name || ' ' || p.family_name)," \
  "  nb_fold (p.company || ' ' || p.role || ' ' || p.industry)," \
  "  nb_fold (p.offers), nb_fold (p.target_market || ' ' || p.interests), NULL, ''" \
  " FROM pending_search s CROSS JOIN people p ON p.id = s.search_rowid / 2" \
  " WHERE s.search_rowid % 2 = 0 ORDER BY s.search_rowid;" \
  "DELETE FROM pending_search;"

static void
floor_fold (sqlite3_context  *context,
            int               argc,
            sqlite3_value   **argv)
{
  /* Enough for the search triggers to do their work. */
  const unsigned char *text = sqlite3_value_text (argv[0]);

  if (text == NULL)
    sqlite3_result_null (context);
  else
    {
      char *lower = g_ascii_strdown ((const char *) text, -1);

      sqlite3_result_text (context, lower, -1, g_free);
    }
}

/* The schema's triggers ask it whether to note a stale search row in
 * pending_search: without a store, always. */
static void
floor_search_stale (sqlite3_context  *context,
                    int               argc,
                    sqlite3_value   **argv)
{
  sqlite3_result_int (context, 1);
}

static void
bind_or_empty (sqlite3_stmt *stmt,
               int           index,
               const char   *value)
{
  sqlite3_bind_text (stmt, index, value != NULL ? value : "", -1, SQLITE_STATIC);
}

/* Inserts @cards into the empty notebook at @path; milliseconds, or a
 * negative number on failure. */
static double
floor_import (const char  *path,
              GPtrArray   *cards,
              GError     **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  double start, elapsed = -1;

  for (guint i = 0; i < cards->len; i++)
    {
      FloorCard *card = g_ptr_array_index (cards, i);

      g_ptr_array_add (keys, g_utf8_casefold (card->display_name, -1));
    }

  start = bench_clock_ms ();
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_create_function_v2 (db, "nb_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                  NULL, floor_fold, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function_v2 (db, "nb_search_stale", 2, SQLITE_UTF8,
                                  NULL, floor_search_stale, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA synchronous = FULL; BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO people (display_name, given_name, family_name, company,"
                          " role, emails, phones, urls, sort_key, folded_name, created, updated)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &stmt, NULL) != SQLITE_OK)
    goto out;

  for (guint i = 0; i < cards->len; i++)
    {
      FloorCard *card = g_ptr_array_index (cards, i);

      bind_or_empty (stmt, 1, card->display_name);
      bind_or_empty (stmt, 2, card->given);
      bind_or_empty (stmt, 3, card->family);
      bind_or_empty (stmt, 4, card->company);
      bind_or_empty (stmt, 5, card->role);
      bind_or_empty (stmt, 6, card->emails);
      bind_or_empty (stmt, 7, card->phones);
      bind_or_empty (stmt, 8, card->urls);
      bind_or_empty (stmt, 9, g_ptr_array_index (keys, i));
      bind_or_empty (stmt, 10, g_ptr_array_index (keys, i));
      sqlite3_bind_int64 (stmt, 11, now);
      sqlite3_bind_int64 (stmt, 12, now);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        goto out;
      sqlite3_reset (stmt);
    }

  if (sqlite3_exec (db, FLOOR_SEARCH_SQL "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
    elapsed = bench_clock_ms () - start;

out:
  if (elapsed < 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The import floor failed on %s: %s",
                 path, db != NULL ? sqlite3_errmsg (db) : "no memory");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return elapsed;
}

/* A new empty notebook at @path (made by the store, closed again). */
static gboolean
make_empty_notebook (const char  *path,
                     GError     **error)
{
  g_autoptr(NbStore) store = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);

  store = nb_store_open (path, error);
  return store != NULL;
}

static void
remove_notebook (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

#ifdef HAVE_NB_IMPORT
/* nb_import_file() into the empty notebook at @db_path, as the app's
 * import does (reading and writing); milliseconds, or negative. */
static double
netbook_import (const char  *db_path,
                const char  *file_path,
                guint        expected,
                GError     **error)
{
  g_autoptr(NbStore) store = nb_store_open (db_path, error);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(NbImportReport) import_report = NULL;
  double start, elapsed;

  if (store == NULL)
    return -1;

  start = bench_clock_ms ();
  import_report = nb_import_file (store, file, NULL, NULL, NULL, NULL, error);
  elapsed = bench_clock_ms () - start;
  if (import_report == NULL)
    return -1;

  if (import_report->added + import_report->merged != expected)
    bench_progress ("  note: %s: %u added, %u merged, %u skipped of %u",
                    file_path, import_report->added, import_report->merged,
                    import_report->skipped, expected);

  return elapsed;
}
#endif

static gboolean
measure_import (const char          *dir,
                const char          *id,
                const char          *what,
                const char          *file_path,
                GPtrArray           *cards,
                const BenchOptions  *options,
                BenchReport         *report,
                GError             **error)
{
  g_autoptr(BenchSamples) netbook = bench_samples_new ();
  g_autoptr(BenchSamples) floor = bench_samples_new ();
  g_autofree char *db_path = g_build_filename (dir, "import.db", NULL);
  g_autofree char *label = g_strdup_printf ("import %s (%u people)", what, cards->len);
  guint repetitions = CLAMP (options->repetitions, 1, IMPORT_REPETITIONS_MAX);
  BenchResult *r;

  for (guint rep = 0; rep < repetitions; rep++)
    {
      double ms;

      if (!make_empty_notebook (db_path, error))
        return FALSE;
      ms = floor_import (db_path, cards, error);
      if (ms < 0)
        return FALSE;
      bench_samples_add (floor, ms);

#ifdef HAVE_NB_IMPORT
      if (!make_empty_notebook (db_path, error))
        return FALSE;
      ms = netbook_import (db_path, file_path, cards->len, error);
      if (ms < 0)
        return FALSE;
      bench_samples_add (netbook, ms);
#endif
    }
  remove_notebook (db_path);

#ifdef HAVE_NB_IMPORT
  r = bench_report_add (report, id, label, "ms", netbook, floor,
                        "one INSERT per person, one transaction");
  bench_result_set_goal (r, "< 1 s", r->median < 1000);
#else
  r = bench_report_add (report, id, label, "ms", NULL, floor,
                        "one INSERT per person, one transaction");
  r->note = g_strdup ("n/a (importer not built)");
  r->goal = g_strdup ("< 1 s");
  r->state = BENCH_GOAL_NOT_RUN;
#endif

  return TRUE;
}

gboolean
bench_imports_run (const char          *dir,
                   const BenchOptions  *options,
                   BenchReport         *report,
                   GError             **error)
{
  g_autofree char *vcard_path = g_build_filename (dir, "contacts.vcf", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "Connections.csv", NULL);
  g_autoptr(GPtrArray) vcards = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  bench_progress ("Imports: writing %u vCards and %u LinkedIn rows",
                  options->vcard_cards, options->linkedin_rows);
  if (!bench_write_vcard (vcard_path, options->seed, options->vcard_cards, error) ||
      !bench_write_linkedin_csv (csv_path, options->seed, options->linkedin_rows, error))
    return FALSE;

  vcards = split_vcard (vcard_path);
  rows = split_linkedin (csv_path);

  bench_progress ("Imports: vCard");
  if (!measure_import (dir, "import-vcard", "vCard file", vcard_path, vcards, options, report, error))
    return FALSE;
  bench_progress ("Imports: LinkedIn CSV");
  return measure_import (dir, "import-linkedin", "LinkedIn Connections.csv", csv_path, rows,
                         options, report, error);
}
