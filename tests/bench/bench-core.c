/* bench-core.c: the store's work, each beside its floor.
 *
 * The floor of a measure is the SQL that the store runs for it, read
 * from nb-store-*.c and copied here, prepared and stepped through with
 * sqlite3 directly on a second connection to the same file: every row,
 * every column read, nothing built from them. Text the store would fold
 * or quote is prepared before the clock starts. What each floor covers
 * is printed with it (and listed in docs/performance.md); when the
 * store's SQL changes, the copy here must follow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <sqlite3.h>

#include "bench-floor.h"
#include "nb-date.h"

/* As the agenda page asks (nb-agenda-page.c) and the briefing looks
 * (nb-store-search.c). */
#define AGENDA_RECENT_DAYS 14
#define AGENDA_DUE_SOON_DAYS 7
#define HELPERS_PER_NEED 3

/* ---- helpers for the measures ------------------------------------------- */

typedef struct {
  BenchSamples *netbook;
  BenchSamples *floor;
} Pair;

static void
pair_init (Pair *pair)
{
  pair->netbook = bench_samples_new ();
  pair->floor = bench_samples_new ();
}

static void
pair_clear (Pair *pair)
{
  g_clear_pointer (&pair->netbook, bench_samples_free);
  g_clear_pointer (&pair->floor, bench_samples_free);
}

static gboolean
check_error (GError  **error,
             GError   *local_error,
             const char *what)
{
  if (local_error == NULL)
    return TRUE;

  g_propagate_prefixed_error (error, local_error, "%s: ", what);
  return FALSE;
}

/* ---- open and people model --------------------------------------------- */

static gboolean
measure_open (const char          *db_path,
              const BenchOptions  *options,
              BenchReport         *report,
              GError             **error)
{
  Pair pair;
  g_autoptr(BenchSamples) idle = bench_samples_new ();
  g_autofree char *label = NULL;
  guint n_people = 0;

  pair_init (&pair);

  /* The first round warms the page cache and is not counted. */
  for (guint rep = 0; rep <= options->repetitions; rep++)
    {
      double start, netbook_ms, floor_ms;
      g_autoptr(NbStore) store = NULL;
      g_autoptr(GListModel) model = NULL;
      g_autoptr(GError) local_error = NULL;
      Floor floor;

      start = bench_clock_ms ();
      store = nb_store_open (db_path, &local_error);
      if (store == NULL)
        return check_error (error, g_steal_pointer (&local_error), "Opening the notebook");
      model = nb_store_get_people_model (store);
      n_people = g_list_model_get_n_items (model);
      netbook_ms = bench_clock_ms () - start;

      /* Stage and trust for everyone, at idle, as the window gets them. */
      if (rep > 0 && rep <= 3)
        {
          double idle_start = bench_clock_ms ();

          while (store->trust_idle_id != 0)
            g_main_context_iteration (NULL, TRUE);
          bench_samples_add (idle, bench_clock_ms () - idle_start);
        }

      g_clear_object (&model);
      g_clear_object (&store);

      start = bench_clock_ms ();
      if (!floor_open (&floor, db_path, FALSE, error))
        return FALSE;
      if (!floor_prepare (&floor, &floor.people_list, SQL_PEOPLE_LIST, error) ||
          !floor_prepare (&floor, &floor.people_tags, SQL_PEOPLE_TAGS, error) ||
          !floor_prepare (&floor, &floor.people_summaries, SQL_PEOPLE_SUMMARIES, error) ||
          !floor_prepare (&floor, &floor.due_followups, SQL_DUE_FOLLOWUPS, error))
        {
          floor_close (&floor);
          return FALSE;
        }
      sqlite3_bind_int (floor.people_list, 1, 1);
      floor_run (floor.people_list, 0, NULL);
      floor_run (floor.people_tags, 0, NULL);
      sqlite3_bind_text (floor.due_followups, 1, BENCH_TODAY, -1, SQLITE_STATIC);
      floor_run (floor.due_followups, 0, NULL);
      sqlite3_bind_text (floor.people_summaries, 2, BENCH_TODAY, -1, SQLITE_STATIC);
      floor_run (floor.people_summaries, 0, NULL);
      floor_close (&floor);
      floor_ms = bench_clock_ms () - start;

      if (rep > 0)
        {
          bench_samples_add (pair.netbook, netbook_ms);
          bench_samples_add (pair.floor, floor_ms);
        }
    }

  label = g_strdup_printf ("open notebook + people list model (%u people)", n_people);
  bench_report_add (report, "open-people-model", label, "ms", pair.netbook, pair.floor,
                    "open; people, tags and summaries SQL");
  bench_report_add (report, "people-model-trust-idle",
                    "stage and trust of everyone, at idle after the list shows (total)",
                    "ms", idle, NULL, NULL);

  pair_clear (&pair);
  return TRUE;
}

/* ---- memory --------------------------------------------------------- */

int
bench_rss_probe (const char *what,
                 const char *db_path)
{
  if (g_strcmp0 (what, "netbook") == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NbStore) store = nb_store_open (db_path, &error);
      g_autoptr(GListModel) model = NULL;

      if (store == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      model = nb_store_get_people_model (store);
      printf ("%.3f %u\n", bench_peak_rss_mib (), g_list_model_get_n_items (model));
    }
  else
    {
      g_autoptr(GError) error = NULL;
      Floor floor;
      guint n;

      if (!floor_open (&floor, db_path, FALSE, &error) ||
          !floor_prepare (&floor, &floor.people_list, SQL_PEOPLE_LIST, &error) ||
          !floor_prepare (&floor, &floor.people_tags, SQL_PEOPLE_TAGS, &error) ||
          !floor_prepare (&floor, &floor.people_summaries, SQL_PEOPLE_SUMMARIES, &error) ||
          !floor_prepare (&floor, &floor.due_followups, SQL_DUE_FOLLOWUPS, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      sqlite3_bind_int (floor.people_list, 1, 1);
      n = floor_run (floor.people_list, 0, NULL);
      floor_run (floor.people_tags, 0, NULL);
      sqlite3_bind_text (floor.due_followups, 1, BENCH_TODAY, -1, SQLITE_STATIC);
      floor_run (floor.due_followups, 0, NULL);
      sqlite3_bind_text (floor.people_summaries, 2, BENCH_TODAY, -1, SQLITE_STATIC);
      floor_run (floor.people_summaries, 0, NULL);
      printf ("%.3f %u\n", bench_peak_rss_mib (), n);
      floor_close (&floor);
    }

  return 0;
}

/* Peak RSS of a fresh process (this program again, --rss-probe) that
 * opens the notebook and loads the people list, and of one that runs
 * the same SQL bare. */
static gboolean
measure_rss (const char          *db_path,
             BenchReport         *report,
             GError             **error)
{
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", error);
  g_autoptr(BenchSamples) netbook = bench_samples_new ();
  g_autoptr(BenchSamples) floor = bench_samples_new ();
  BenchResult *r;

  if (self_path == NULL)
    return FALSE;

  for (guint rep = 0; rep < 3; rep++)
    {
      for (guint k = 0; k < 2; k++)
        {
          const char *argv[] = { self_path, "--rss-probe", k == 0 ? "netbook" : "floor",
                                 "--rss-probe-db", db_path, NULL };
          g_autofree char *out = NULL;
          int status = 0;

          if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                             &out, NULL, &status, error) ||
              !g_spawn_check_wait_status (status, error))
            return FALSE;

          bench_samples_add (k == 0 ? netbook : floor, g_ascii_strtod (out, NULL));
        }
    }

  r = bench_report_add (report, "people-model-rss",
                        "peak RSS of a fresh process: open notebook + people list model",
                        "MiB", netbook, floor, "open; people, tags and summaries SQL");
  r->note = g_strdup_printf ("%+.1f MiB over the floor", r->median - r->floor_median);
  return TRUE;
}

/* ---- search ---------------------------------------------------------------- */

/* What the store sends to SQLite for @text (nb-store-search.c): the FTS5
 * string of its terms of three characters or more, or, when there are
 * none, the first word for the name scan. */
typedef struct {
  char     *typed;
  char     *fts;        /* NULL: names only */
  char     *first_word; /* for the name scan */
} Keystroke;

static void
keystroke_free (Keystroke *k)
{
  g_free (k->typed);
  g_free (k->fts);
  g_free (k->first_word);
  g_free (k);
}

static gboolean
is_word_char (const char *p)
{
  return g_unichar_isalnum (g_utf8_get_char (p));
}

static Keystroke *
keystroke_new (const char *typed)
{
  Keystroke *k = g_new0 (Keystroke, 1);
  g_autofree char *folded = _nb_fold_name (typed);
  g_auto(GStrv) parts = g_strsplit_set (folded, " \t\n\r\f\v", -1);
  g_autoptr(GString) fts = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  k->typed = g_strdup (typed);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *start = parts[i];
      const char *end = parts[i] + strlen (parts[i]);
      g_autofree char *term = NULL;

      while (*start != '\0' && !is_word_char (start))
        start = g_utf8_next_char (start);
      while (end > start && !is_word_char (g_utf8_prev_char (end)))
        end = g_utf8_prev_char (end);

      term = start < end ? g_strndup (start, (gsize) (end - start)) : g_strdup (parts[i]);
      if (g_utf8_strlen (term, -1) < 3)
        continue;

      if (fts->len > 0)
        g_string_append_c (fts, ' ');
      g_string_append_c (fts, '"');
      for (const char *p = term; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (fts, '"');
          g_string_append_c (fts, *p);
        }
      g_string_append_c (fts, '"');
    }

  if (fts->len > 0)
    k->fts = g_strdup (fts->str);

  words = _nb_split_words (folded);
  if (words[0] != NULL)
    k->first_word = g_strdup (words[0]);

  return k;
}

static void
floor_search (Floor     *floor,
              Keystroke *k)
{
  if (k->fts != NULL)
    {
      floor_run (floor->deleted_people, 0, NULL);
      sqlite3_bind_text (floor->search, 1, k->fts, -1, SQLITE_STATIC);
      floor_run (floor->search, 0, NULL);
    }
  else if (k->first_word != NULL)
    {
      sqlite3_bind_text (floor->by_name, 1, k->first_word, -1, SQLITE_STATIC);
      floor_run (floor->by_name, 0, NULL);
    }
}

static gboolean
measure_search (NbStore             *store,
                Floor               *floor,
                BenchNetwork        *network,
                const BenchOptions  *options,
                BenchReport         *report,
                GError             **error)
{
  g_autoptr(GPtrArray) queries = bench_generate_queries (network, options, options->n_queries);
  g_autoptr(GPtrArray) keystrokes = g_ptr_array_new_with_free_func ((GDestroyNotify) keystroke_free);
  g_autoptr(BenchSamples) hits = bench_samples_new ();
  g_autoptr(BenchSamples) worst_samples = bench_samples_new ();
  g_autofree char *label = NULL;
  g_autofree char *worst = NULL;
  double worst_ms = 0;
  guint n_warmup;
  Pair pair;

  /* Each query typed one character at a time, trimmed and searched as
   * the search field's handler does (nb-window.c: the ids of the people
   * found, for the list that holds everyone). */
  for (guint q = 0; q < queries->len; q++)
    {
      const char *query = g_ptr_array_index (queries, q);
      glong n_chars = g_utf8_strlen (query, -1);

      for (glong i = 1; i <= n_chars; i++)
        {
          g_autofree char *prefix = g_utf8_substring (query, 0, i);

          g_strstrip (prefix);
          if (*prefix != '\0')
            g_ptr_array_add (keystrokes, keystroke_new (prefix));
        }
    }

  pair_init (&pair);
  n_warmup = MIN (keystrokes->len / 10, 100);

  for (guint i = 0; i < keystrokes->len; i++)
    {
      Keystroke *k = g_ptr_array_index (keystrokes, i);
      g_autoptr(GArray) results = NULL;
      g_autoptr(GError) local_error = NULL;
      double start, netbook_ms, floor_ms;

      start = bench_clock_ms ();
      results = nb_store_search_ids (store, k->typed, &local_error);
      if (results == NULL)
        return check_error (error, g_steal_pointer (&local_error), "Searching");
      g_clear_pointer (&results, g_array_unref);
      netbook_ms = bench_clock_ms () - start;

      start = bench_clock_ms ();
      floor_search (floor, k);
      floor_ms = bench_clock_ms () - start;

      /* The first tenth again, now that the caches are warm. */
      if (i < n_warmup)
        continue;

      bench_samples_add (pair.netbook, netbook_ms);
      bench_samples_add (pair.floor, floor_ms);
      if (netbook_ms > worst_ms)
        {
          worst_ms = netbook_ms;
          g_free (worst);
          worst = g_strdup (k->typed);
        }
    }

  for (guint i = 0; i < n_warmup; i++)
    {
      Keystroke *k = g_ptr_array_index (keystrokes, i);
      g_autoptr(GArray) results = NULL;
      double start, netbook_ms, floor_ms;

      start = bench_clock_ms ();
      results = nb_store_search_ids (store, k->typed, NULL);
      g_clear_pointer (&results, g_array_unref);
      netbook_ms = bench_clock_ms () - start;

      start = bench_clock_ms ();
      floor_search (floor, k);
      floor_ms = bench_clock_ms () - start;

      bench_samples_add (pair.netbook, netbook_ms);
      bench_samples_add (pair.floor, floor_ms);
    }

  /* How many people a keystroke finds, for the record. */
  for (guint i = 0; i < keystrokes->len; i += 7)
    {
      Keystroke *k = g_ptr_array_index (keystrokes, i);
      g_autoptr(GArray) results = nb_store_search_ids (store, k->typed, NULL);

      bench_samples_add (hits, results != NULL ? results->len : 0);
    }

  label = g_strdup_printf ("search as you type, per keystroke (%u queries, %u keystrokes)",
                           queries->len, keystrokes->len);
  bench_report_add (report, "search-keystroke", label, "ms", pair.netbook, pair.floor,
                    "the FTS5 (or name) statement, all rows");
  {
    BenchResult *r = bench_report_add (report, "search-hits", "people found per keystroke",
                                       "hits", hits, NULL, NULL);
    g_autofree char *note = g_strdup_printf ("slowest keystroke: “%s” (%.1f ms)", worst, worst_ms);

    r->note = g_steal_pointer (&note);
  }

  pair_clear (&pair);
  return TRUE;
}

/* ---- a person's page ------------------------------------------------------ */

static gboolean
measure_person_page (NbStore             *store,
                     Floor               *floor,
                     gint64               person_id,
                     guint                n_entries,
                     const char          *id,
                     const BenchOptions  *options,
                     BenchReport         *report,
                     GError             **error)
{
  g_autofree char *label = NULL;
  guint shown = 0;
  Pair pair;

  pair_init (&pair);

  for (guint rep = 0; rep <= options->repetitions; rep++)
    {
      g_autoptr(NbPerson) person = NULL;
      g_autoptr(NbTrust) trust = NULL;
      g_autoptr(GListModel) timeline = NULL;
      g_autoptr(GError) local_error = NULL;
      double start, netbook_ms, floor_ms;

      /* What the page shows: the card, the meter with its signals, the
       * timeline (a new model each time: the store keeps it weakly). */
      start = bench_clock_ms ();
      person = nb_store_get_person (store, person_id, &local_error);
      if (person == NULL)
        return check_error (error, g_steal_pointer (&local_error), "Loading a person");
      trust = nb_store_compute_trust (store, person_id, NULL, &local_error);
      if (trust == NULL)
        return check_error (error, g_steal_pointer (&local_error), "Computing trust");
      for (guint d = 0; d < NB_N_DIMENSIONS; d++)
        shown += nb_trust_get_signals (trust, (NbDimension) d)->len;
      timeline = nb_store_get_timeline_model (store, person_id);
      shown = g_list_model_get_n_items (timeline);
      g_clear_object (&timeline);
      g_clear_object (&trust);
      g_clear_object (&person);
      netbook_ms = bench_clock_ms () - start;

      start = bench_clock_ms ();
      floor_person (floor, person_id);
      floor_timeline (floor, person_id);
      floor_ms = bench_clock_ms () - start;

      if (rep > 0)
        {
          bench_samples_add (pair.netbook, netbook_ms);
          bench_samples_add (pair.floor, floor_ms);
        }
    }

  if (shown != n_entries)
    bench_progress ("  note: person %" G_GINT64_FORMAT " has %u entries on their timeline, %u planned",
                    person_id, shown, n_entries);

  label = g_strdup_printf ("person page data: card, trust with signals, timeline of %u entries", shown);
  bench_report_add (report, id, label, "ms", pair.netbook, pair.floor,
                    "card, tags and timeline SQL");

  pair_clear (&pair);
  return TRUE;
}

/* ---- briefing ------------------------------------------------------------ */

/* The store's need_stems() (nb-store-search.c), for the floor's
 * helper queries. */
static const char * const stop_words[] = {
  "about", "after", "also", "before", "best", "better", "business", "clients",
  "could", "customers", "does", "find", "finding", "from", "getting", "good",
  "great", "have", "help", "into", "just", "like", "looking", "more", "month",
  "months", "need", "needs", "next", "other", "over", "people", "really",
  "should", "some", "someone", "somebody", "that", "their", "them", "they",
  "this", "want", "wants", "what", "when", "which", "while", "with", "would",
  "year", "years", "your",
  NULL
};

static char *
helper_query (const char *need_text)
{
  g_autofree char *folded = _nb_fold (need_text);
  g_auto(GStrv) words = _nb_split_words (folded);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) query = g_string_new ("{work offers tags} : (");
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      glong len = g_utf8_strlen (words[i], -1);
      char *stem;

      if (len < 4 || g_strv_contains (stop_words, words[i]))
        continue;

      stem = len > 6 ? g_utf8_substring (words[i], 0, MAX (5, len - 3)) : g_strdup (words[i]);
      if (!g_hash_table_add (seen, stem))
        continue;

      if (n++ > 0)
        g_string_append (query, " OR ");
      g_string_append_printf (query, "\"%s\"", stem);
    }
  g_string_append_c (query, ')');

  return n > 0 ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

static gboolean
measure_briefing (NbStore             *store,
                  Floor               *floor,
                  gint64               person_id,
                  guint                n_entries,
                  const char          *id,
                  const BenchOptions  *options,
                  BenchReport         *report,
                  GError             **error)
{
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(NbPerson) person = NULL;
  g_autofree char *label = NULL;
  gint64 introducer;
  Pair pair;

  /* The floor's helper queries: one per open need or challenge. */
  entries = nb_store_list_entries (store, person_id, error);
  person = nb_store_get_person (store, person_id, error);
  if (entries == NULL || person == NULL)
    return FALSE;
  introducer = nb_person_get_introduced_by (person);
  for (guint i = 0; i < entries->len; i++)
    {
      NbEntry *entry = g_ptr_array_index (entries, i);
      NbEntryKind kind = nb_entry_get_kind (entry);
      char *query;

      if ((kind == NB_ENTRY_NEED || kind == NB_ENTRY_CHALLENGE) &&
          nb_entry_get_status (entry) == NB_STATUS_OPEN &&
          (query = helper_query (nb_entry_get_text (entry))) != NULL)
        g_ptr_array_add (queries, query);
    }

  pair_init (&pair);

  for (guint rep = 0; rep <= options->repetitions; rep++)
    {
      g_autoptr(NbBriefing) briefing = NULL;
      g_autoptr(GError) local_error = NULL;
      double start, netbook_ms, floor_ms;

      start = bench_clock_ms ();
      briefing = nb_store_build_briefing (store, person_id, NULL, &local_error);
      if (briefing == NULL)
        return check_error (error, g_steal_pointer (&local_error), "Building a briefing");
      g_clear_object (&briefing);
      netbook_ms = bench_clock_ms () - start;

      start = bench_clock_ms ();
      floor_person (floor, person_id);
      floor_timeline (floor, person_id);
      if (introducer != 0)
        floor_person (floor, introducer);
      for (guint q = 0; q < queries->len; q++)
        {
          g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

          sqlite3_bind_text (floor->helpers, 1, g_ptr_array_index (queries, q), -1, SQLITE_STATIC);
          sqlite3_bind_int64 (floor->helpers, 2, person_id);
          floor_run (floor->helpers, HELPERS_PER_NEED, ids);
          for (guint h = 0; h < ids->len; h++)
            floor_person (floor, g_array_index (ids, gint64, h));
        }
      floor_ms = bench_clock_ms () - start;

      if (rep > 0)
        {
          bench_samples_add (pair.netbook, netbook_ms);
          bench_samples_add (pair.floor, floor_ms);
        }
    }

  label = g_strdup_printf ("briefing: person with %u entries, %u open needs and challenges",
                           entries->len, queries->len);
  bench_report_add (report, id, label, "ms", pair.netbook, pair.floor,
                    "card, tags, timeline, introducer and helper SQL");

  pair_clear (&pair);
  return TRUE;
}

/* ---- agenda ------------------------------------------------------------- */

static gboolean
measure_agenda (NbStore             *store,
                Floor               *floor,
                const BenchOptions  *options,
                BenchReport         *report,
                GError             **error)
{
  g_autofree char *label = NULL;
  g_autofree char *yesterday = NULL;
  g_autofree char *met_from = NULL;
  g_autofree char *week_end = NULL;
  gint64 created_from, created_to;
  guint n_followups = 0, n_cold = 0, n_meetings = 0, n_recent = 0;
  Pair pair;

  {
    GDate date, epoch;
    gint64 today_days;

    g_date_clear (&date, 1);
    g_date_clear (&epoch, 1);
    nb_date_parse_iso (BENCH_TODAY, &date, NULL);
    g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1970);
    today_days = (gint64) g_date_get_julian (&date) - (gint64) g_date_get_julian (&epoch);

    /* The bounds of met recently's cheaper test, as recent_bounds() in
     * nb-store-lists.c has them. */
    created_from = (today_days - AGENDA_RECENT_DAYS - 2) * 86400;
    created_to = (today_days + 1 + 2) * 86400;
    g_date_subtract_days (&date, AGENDA_RECENT_DAYS + 7);
    met_from = nb_date_to_iso (&date);
    g_date_add_days (&date, AGENDA_RECENT_DAYS + 7 - 1);
    yesterday = nb_date_to_iso (&date);
    g_date_add_days (&date, 1 + AGENDA_DUE_SOON_DAYS);
    week_end = nb_date_to_iso (&date);
  }

  pair_init (&pair);

  /* What the agenda page asks the store for (nb-agenda-page.c). */
  for (guint rep = 0; rep <= options->repetitions; rep++)
    {
      g_autoptr(GPtrArray) followups = NULL;
      g_autoptr(GPtrArray) meetings = NULL;
      g_autoptr(GPtrArray) cold = NULL;
      g_autoptr(GPtrArray) recent = NULL;
      g_autoptr(GError) local_error = NULL;
      guint given, received;
      double start, netbook_ms, floor_ms;

      start = bench_clock_ms ();
      followups = nb_store_list_followups_due_by (store, week_end, &local_error);
      if (followups != NULL)
        meetings = nb_store_list_upcoming_meetings (store, yesterday, &local_error);
      if (meetings != NULL)
        cold = nb_store_list_going_cold (store, BENCH_TODAY, &local_error);
      if (cold != NULL)
        recent = nb_store_list_recent_without_followup (store, BENCH_TODAY, AGENDA_RECENT_DAYS,
                                                        &local_error);
      if (recent == NULL || !nb_store_get_goodwill (store, &given, &received, &local_error))
        return check_error (error, g_steal_pointer (&local_error), "Computing the agenda");
      n_followups = followups->len;
      n_meetings = meetings->len;
      n_cold = cold->len;
      n_recent = recent->len;
      g_clear_pointer (&followups, g_ptr_array_unref);
      g_clear_pointer (&meetings, g_ptr_array_unref);
      g_clear_pointer (&cold, g_ptr_array_unref);
      g_clear_pointer (&recent, g_ptr_array_unref);
      netbook_ms = bench_clock_ms () - start;

      start = bench_clock_ms ();
      sqlite3_bind_text (floor->followups, 1, week_end, -1, SQLITE_STATIC);
      floor_run (floor->followups, 0, NULL);
      sqlite3_bind_text (floor->meetings, 1, yesterday, -1, SQLITE_STATIC);
      floor_run (floor->meetings, 0, NULL);
      sqlite3_bind_text (floor->going_cold, 1, BENCH_TODAY, -1, SQLITE_STATIC);
      floor_run (floor->going_cold, 0, NULL);
      sqlite3_bind_text (floor->recent, 1, BENCH_TODAY, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (floor->recent, 2, AGENDA_RECENT_DAYS);
      sqlite3_bind_text (floor->recent, 3, met_from, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (floor->recent, 4, created_from);
      sqlite3_bind_int64 (floor->recent, 5, created_to);
      floor_run (floor->recent, 0, NULL);
      floor_run (floor->goodwill, 0, NULL);
      floor_ms = bench_clock_ms () - start;

      if (rep > 0)
        {
          bench_samples_add (pair.netbook, netbook_ms);
          bench_samples_add (pair.floor, floor_ms);
        }
    }

  label = g_strdup_printf ("agenda: %u follow-ups due within a week, %u meetings, %u going cold, %u met recently, goodwill",
                           n_followups, n_meetings, n_cold, n_recent);
  bench_report_add (report, "agenda", label, "ms", pair.netbook, pair.floor,
                    "the five lists' SQL, without their summaries; goodwill counted each time, "
                    "where the store keeps it while nothing changes");

  pair_clear (&pair);
  return TRUE;
}

/* ---- all of it ------------------------------------------------------------- */

gboolean
bench_core_run (const char          *db_path,
                BenchNetwork        *network,
                const BenchOptions  *options,
                BenchReport         *report,
                GError             **error)
{
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GListModel) people = NULL;
  Floor floor;
  gboolean ok = TRUE;

  if (bench_wants (options, "open"))
    {
      bench_progress ("Opening the notebook and loading the people list");
      if (!measure_open (db_path, options, report, error))
        return FALSE;
    }

  store = nb_store_open (db_path, error);
  if (store == NULL)
    return FALSE;
  /* As in the window: the list is loaded, its trust pass is not run. */
  people = nb_store_get_people_model (store);
  g_clear_handle_id (&store->trust_idle_id, g_source_remove);

  if (!floor_open (&floor, db_path, TRUE, error))
    return FALSE;

  if (ok && bench_wants (options, "memory"))
    {
      bench_progress ("Memory of the people list");
      ok = measure_rss (db_path, report, error);
    }

  if (ok && bench_wants (options, "search"))
    {
      bench_progress ("Search as you type");
      ok = measure_search (store, &floor, network, options, report, error);
    }

  if (ok && bench_wants (options, "person"))
    {
      bench_progress ("Person pages");
      ok = measure_person_page (store, &floor, network->hub_id, network->hub_entries,
                                "person-page-hub", options, report, error) &&
           measure_person_page (store, &floor, network->typical_id, network->typical_entries,
                                "person-page-typical", options, report, error);
    }

  if (ok && bench_wants (options, "briefing"))
    {
      bench_progress ("Briefings");
      ok = measure_briefing (store, &floor, network->hub_id, network->hub_entries,
                             "briefing-hub", options, report, error) &&
           measure_briefing (store, &floor, network->typical_id, network->typical_entries,
                             "briefing-typical", options, report, error);
    }

  if (ok && bench_wants (options, "agenda"))
    {
      bench_progress ("Agenda");
      ok = measure_agenda (store, &floor, options, report, error);
    }

  floor_close (&floor);
  return ok;
}
