/* netbook-bench: is Netbook fast at any size?
 *
 * Builds a synthetic network from a seed (10,000 people and 200,000
 * entries unless told otherwise), measures what the user waits for
 * beside the floor of the same SQL through bare sqlite3, then the app's
 * start-up under Xvfb beside a bare libadwaita window, and prints a
 * table (Markdown) on stdout and the same figures as JSON.
 *
 *   netbook-bench [--quick] [--people N] [--entries M] [--seed S]
 *                 [--repetitions R] [--json FILE] [--skip-gui] [--keep DIR]
 *
 * Not a test: nothing here fails on a slow figure. See
 * docs/performance.md for the method.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "bench.h"

static gboolean
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      return g_rmdir (path) == 0;
    }

  return g_unlink (path) == 0;
}

static gboolean
make_notebook (const char          *db_path,
               const BenchOptions  *options,
               BenchNetwork       **network,
               BenchReport         *report,
               GError             **error)
{
  g_autofree char *done_path = g_strconcat (db_path, ".complete", NULL);
  g_autoptr(NbStore) store = NULL;
  g_autoptr(BenchSamples) generate = NULL;
  double start;

  if (g_file_test (db_path, G_FILE_TEST_EXISTS) && g_file_test (done_path, G_FILE_TEST_EXISTS))
    {
      bench_progress ("Reusing %s", db_path);
      *network = bench_describe_network (options);
      return TRUE;
    }

  remove_tree (db_path);
  bench_progress ("Building the notebook: %u people, %u entries, seed %u",
                  options->n_people, options->n_entries, options->seed);

  start = bench_clock_ms ();
  store = nb_store_open (db_path, error);
  if (store == NULL)
    return FALSE;
  *network = bench_generate_network (store, options, error);
  if (*network == NULL)
    return FALSE;
  g_clear_object (&store);

  generate = bench_samples_new ();
  bench_samples_add (generate, bench_clock_ms () - start);
  bench_report_add (report, "generate", "building the synthetic notebook through the store API",
                    "ms", generate, NULL, NULL);

  return g_file_set_contents (done_path, "", 0, error);
}

/* The goals of issue 7, at 10,000 people / 200,000 entries. */
static void
set_goals (BenchReport *report)
{
  BenchResult *r;

  if ((r = bench_report_find (report, "search-keystroke")) != NULL)
    bench_result_set_goal (r, "p99 < 10 ms, ≤ 3× floor",
                           r->p99 < 10 && bench_result_ratio (r) <= 3);
  if ((r = bench_report_find (report, "person-page-hub")) != NULL)
    bench_result_set_goal (r, "median < 20 ms", r->median < 20);
  if ((r = bench_report_find (report, "briefing-hub")) != NULL)
    bench_result_set_goal (r, "median < 20 ms", r->median < 20);
  if ((r = bench_report_find (report, "briefing-typical")) != NULL)
    bench_result_set_goal (r, "median < 20 ms", r->median < 20);
  if ((r = bench_report_find (report, "agenda")) != NULL)
    bench_result_set_goal (r, "median < 20 ms", r->median < 20);
}

int
main (int   argc,
      char *argv[])
{
  BenchOptions options = {
    .n_people = 10000,
    .n_entries = 200000,
    .seed = 1,
    .repetitions = 30,
    .gui_repetitions = 10,
    .n_queries = 200,
    .vcard_cards = 10000,
    .linkedin_rows = 30000,
  };
  int people = -1, entries = -1, repetitions = -1, gui_repetitions = -1, queries = -1, seed = 1;
  int vcards = -1, linkedin_rows = -1;
  g_autofree char *json_path = NULL;
  g_autofree char *keep_dir = NULL;
  g_autofree char *clock_name = NULL;
  g_autofree char *load_before = bench_load_average ();
  g_autofree char *load_after = NULL;
  g_autofree char *only = NULL;
  g_auto(GStrv) only_phases = NULL;
  g_autofree char *rss_probe = NULL;
  g_autofree char *rss_probe_db = NULL;
  gboolean skip_gui = FALSE, quick = FALSE, verbose = FALSE;
  const GOptionEntry entries_spec[] = {
    { "people", 0, 0, G_OPTION_ARG_INT, &people, "People in the notebook (10000)", "N" },
    { "entries", 0, 0, G_OPTION_ARG_INT, &entries, "Timeline entries (200000)", "M" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the synthetic network (1)", "S" },
    { "repetitions", 0, 0, G_OPTION_ARG_INT, &repetitions, "Repetitions of each measure (30)", "R" },
    { "gui-repetitions", 0, 0, G_OPTION_ARG_INT, &gui_repetitions, "Start-ups of each program and renderer (10)", "R" },
    { "queries", 0, 0, G_OPTION_ARG_INT, &queries, "Search queries typed (200)", "N" },
    { "vcards", 0, 0, G_OPTION_ARG_INT, &vcards, "Cards in the vCard file imported (10000)", "N" },
    { "linkedin-rows", 0, 0, G_OPTION_ARG_INT, &linkedin_rows, "Rows of the LinkedIn file imported (30000)", "N" },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "Write the figures here (netbook-bench.json)", "FILE" },
    { "skip-gui", 0, 0, G_OPTION_ARG_NONE, &skip_gui, "Do not measure the app's start-up", NULL },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_dir, "Keep (and reuse) the notebooks and files in DIR", "DIR" },
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "A smoke run: 1,000 people, 20,000 entries", NULL },
    { "clock", 0, 0, G_OPTION_ARG_STRING, &clock_name,
      "In-process times as wall (default) or cpu time", "wall|cpu" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      "Run only these phases: open,memory,search,person,briefing,agenda,imports,gui", "LIST" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Say more while running", NULL },
    { "rss-probe", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &rss_probe, NULL, NULL },
    { "rss-probe-db", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &rss_probe_db, NULL, NULL },
    { NULL, 0, 0, G_OPTION_ARG_NONE, NULL, NULL, NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BenchReport) report = bench_report_new ();
  g_autoptr(BenchNetwork) network = NULL;
  g_autofree char *work_dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *db_name = NULL;
  g_autofree char *empty_path = NULL;
  g_autofree char *machine = NULL;
  gboolean ok = TRUE;

  setlocale (LC_ALL, "");
  /* Dates in the notebook are relative to BENCH_TODAY; so is the store's
   * "today", here and in the app under test. */
  g_setenv ("NETBOOK_TODAY", BENCH_TODAY, TRUE);

  context = g_option_context_new ("— measure Netbook against the SQLite floor");
  g_option_context_add_main_entries (context, entries_spec, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("netbook-bench: %s\n", error->message);
      return 2;
    }

  if (clock_name != NULL && !g_str_equal (clock_name, "wall") && !g_str_equal (clock_name, "cpu"))
    {
      g_printerr ("netbook-bench: --clock is wall or cpu\n");
      return 2;
    }
  bench_set_cpu_clock (g_strcmp0 (clock_name, "cpu") == 0);

  if (rss_probe != NULL)
    return bench_rss_probe (rss_probe, rss_probe_db);

  if (quick)
    {
      options.n_people = 1000;
      options.n_entries = 20000;
      options.repetitions = 5;
      options.gui_repetitions = 3;
      options.n_queries = 100;
      options.vcard_cards = 1000;
      options.linkedin_rows = 3000;
    }
  if (people > 0)
    options.n_people = (guint) people;
  if (entries > 0)
    options.n_entries = (guint) entries;
  if (repetitions > 0)
    options.repetitions = (guint) repetitions;
  if (gui_repetitions > 0)
    options.gui_repetitions = (guint) gui_repetitions;
  if (queries > 0)
    options.n_queries = (guint) queries;
  if (vcards > 0)
    options.vcard_cards = (guint) vcards;
  if (linkedin_rows > 0)
    options.linkedin_rows = (guint) linkedin_rows;
  if (options.n_people < 20 || options.n_entries < 100)
    {
      g_printerr ("netbook-bench: at least 20 people and 100 entries, please\n");
      return 2;
    }
  options.seed = (guint32) seed;
  options.skip_gui = skip_gui;
  options.quick = quick;
  options.verbose = verbose;
  options.keep_dir = keep_dir;
  if (only != NULL)
    options.only = only_phases = g_strsplit (only, ",", -1);
  options.json_path = json_path != NULL ? json_path : g_strdup ("netbook-bench.json");
  if (json_path == NULL)
    json_path = options.json_path;

  if (keep_dir != NULL)
    {
      if (g_mkdir_with_parents (keep_dir, 0700) != 0)
        {
          g_printerr ("netbook-bench: cannot create %s\n", keep_dir);
          return 1;
        }
      work_dir = g_strdup (keep_dir);
    }
  else
    {
      work_dir = g_dir_make_tmp ("netbook-bench-XXXXXX", &error);
      if (work_dir == NULL)
        {
          g_printerr ("netbook-bench: %s\n", error->message);
          return 1;
        }
    }

  db_name = g_strdup_printf ("netbook-%u-%u-%u.db", options.n_people, options.n_entries, options.seed);
  db_path = g_build_filename (work_dir, db_name, NULL);
  empty_path = g_build_filename (work_dir, "empty.db", NULL);
  machine = bench_describe_machine ();
  bench_progress ("netbook-bench on %s", machine);

  ok = make_notebook (db_path, &options, &network, report, &error);

  if (ok)
    {
      g_autoptr(NbStore) empty = nb_store_open (empty_path, &error);

      ok = empty != NULL;
    }

  if (ok)
    ok = bench_core_run (db_path, network, &options, report, &error);

  if (ok && bench_wants (&options, "imports"))
    {
      g_autofree char *import_dir = g_build_filename (work_dir, "import", NULL);

      g_mkdir_with_parents (import_dir, 0700);
      ok = bench_imports_run (import_dir, &options, report, &error);
    }

  if (ok && !options.skip_gui && bench_wants (&options, "gui"))
    {
      g_autofree char *gui_dir = g_build_filename (work_dir, "gui", NULL);
      g_autoptr(GError) gui_error = NULL;

      if (!bench_gui_run (db_path, empty_path, gui_dir, &options, report, &gui_error))
        {
          g_printerr ("netbook-bench: GUI start-up not measured: %s\n", gui_error->message);
          bench_report_add_na (report, "gui", "GUI start-up to first frame", "ms",
                               "n/a (could not run the GUI: see stderr)");
        }
    }

  if (!ok)
    {
      g_printerr ("netbook-bench: %s\n", error->message);
      if (keep_dir == NULL)
        remove_tree (work_dir);
      return 1;
    }

  set_goals (report);
  load_after = bench_load_average ();

  printf ("\nNetbook %s, %u people, %u entries (seed %u), %u repetitions%s\n",
          PACKAGE_VERSION, options.n_people, options.n_entries, options.seed,
          options.repetitions, options.quick ? " (quick)" : "");
  printf ("Machine: %s\n", machine);
  printf ("In-process times: %s; load average %s before, %s after\n\n",
          bench_get_cpu_clock () ? "CPU time of the process" : "wall-clock time",
          load_before, load_after);
  bench_report_print (report, stdout);
  fflush (stdout);

  {
    g_autofree char *described = g_strdup_printf ("%s; load average %s before, %s after",
                                                  machine, load_before, load_after);

    g_free (machine);
    machine = g_steal_pointer (&described);
  }

  if (!bench_report_write_json (report, &options, machine, json_path, &error))
    {
      g_printerr ("netbook-bench: %s\n", error->message);
      ok = FALSE;
    }
  else
    bench_progress ("Figures written to %s", json_path);

  if (keep_dir == NULL)
    remove_tree (work_dir);

  return ok ? 0 : 1;
}
