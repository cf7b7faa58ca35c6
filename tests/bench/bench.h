/* bench.h: what the files of netbook-bench share.
 *
 * netbook-bench.c parses the options, runs the phases and prints the
 * table and the JSON file; bench-generate.c makes the synthetic network
 * and the import files; bench-core.c measures the store beside the raw
 * SQLite floor; bench-gui.c runs the app and the bare window under
 * Xvfb; bench-util.c has the clock, statistics, memory and results.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include <glib.h>

#include "nb-store.h"

G_BEGIN_DECLS

/* Every date is relative to this one, so that a seed always gives the
 * same notebook whatever the day (NETBOOK_TODAY is set to it). */
#define BENCH_TODAY "2025-06-02"

typedef struct {
  guint     n_people;
  guint     n_entries;
  guint32   seed;
  guint     repetitions;
  guint     gui_repetitions;
  guint     n_queries;
  guint     vcard_cards;
  guint     linkedin_rows;
  char     *json_path;
  char     *keep_dir;
  char    **only;        /* phases to run, NULL = all */
  gboolean  skip_gui;
  gboolean  quick;
  gboolean  verbose;
} BenchOptions;

/* ---- bench-util.c ------------------------------------------------------ */

/* TRUE unless --only names other phases. */
gboolean    bench_wants           (const BenchOptions *options,
                                   const char         *phase);

/* CLOCK_MONOTONIC in milliseconds. */
double      bench_now_ms          (void);
/* The clock of the in-process measures, in milliseconds: monotonic
 * (wall) time, or with --clock=cpu the process's CPU time, which a busy
 * machine disturbs less. */
double      bench_clock_ms        (void);
void        bench_set_cpu_clock   (gboolean cpu);
gboolean    bench_get_cpu_clock   (void);
/* /proc/loadavg's first three numbers. */
char       *bench_load_average    (void);

/* Samples of one measure, in its unit. */
typedef struct {
  GArray   *values;  /* double */
} BenchSamples;

BenchSamples *bench_samples_new   (void);
void        bench_samples_free    (BenchSamples *samples);
void        bench_samples_add     (BenchSamples *samples,
                                   double        value);
guint       bench_samples_count   (BenchSamples *samples);
/* Nearest-rank percentile (0..100) of the samples; NAN if none. */
double      bench_samples_percentile (BenchSamples *samples,
                                      double        percentile);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchSamples, bench_samples_free)

typedef enum {
  BENCH_GOAL_NONE,    /* no goal: a figure for the record */
  BENCH_GOAL_MET,
  BENCH_GOAL_MISSED,
  BENCH_GOAL_NOT_RUN,
} BenchGoalState;

/* One row of the table. */
typedef struct {
  char           *id;          /* stable key in the JSON file */
  char           *label;
  char           *unit;        /* "ms", "s", "MiB" */
  guint           n;
  double          median;
  double          p99;
  guint           floor_n;     /* 0: no floor */
  double          floor_median;
  double          floor_p99;
  char           *floor_label; /* what the floor is */
  char           *goal;        /* the goal in words, or NULL */
  BenchGoalState  state;
  char           *note;        /* "n/a (importer not built)", … */
} BenchResult;

typedef struct {
  GPtrArray  *results;  /* BenchResult* */
} BenchReport;

BenchReport *bench_report_new    (void);
void        bench_report_free     (BenchReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchReport, bench_report_free)

/* Adds a row; @floor may be NULL. Returns the row to set its goal. */
BenchResult *bench_report_add    (BenchReport  *report,
                                  const char   *id,
                                  const char   *label,
                                  const char   *unit,
                                  BenchSamples *samples,
                                  BenchSamples *floor,
                                  const char   *floor_label);
/* A row that could not be measured, with why. */
BenchResult *bench_report_add_na (BenchReport  *report,
                                  const char   *id,
                                  const char   *label,
                                  const char   *unit,
                                  const char   *note);
BenchResult *bench_report_find   (BenchReport  *report,
                                  const char   *id);
void        bench_result_set_goal (BenchResult *result,
                                   const char  *goal,
                                   gboolean     met);
/* median / floor median, or NAN. */
double      bench_result_ratio    (BenchResult *result);

void        bench_report_print    (BenchReport *report,
                                   FILE        *out);
gboolean    bench_report_write_json (BenchReport        *report,
                                     const BenchOptions *options,
                                     const char         *machine,
                                     const char         *path,
                                     GError            **error);

/* Peak resident set size of this process (VmHWM), in MiB. */
double      bench_peak_rss_mib    (void);

/* "2 × AMD EPYC, 23 GiB, Debian GNU/Linux 12 (bookworm)" */
char       *bench_describe_machine (void);

/* Says what the bench is doing, on stderr, with the time. */
void        bench_progress        (const char *format,
                                   ...) G_GNUC_PRINTF (1, 2);

/* ---- bench-generate.c --------------------------------------------------- */

typedef struct {
  gint64   id;
  char    *display_name;
  char    *given;
  char    *family;
  char    *company;
  guint    n_entries;  /* on their own timeline */
} BenchPerson;

typedef struct {
  GPtrArray  *people;        /* BenchPerson*, in id order */
  GPtrArray  *companies;     /* char* */
  GPtrArray  *note_words;    /* char*: words that appear in entries */
  gint64      hub_id;        /* a person with exactly 2,000 entries */
  guint       hub_entries;
  gint64      typical_id;    /* a person with the median number */
  guint       typical_entries;
  guint       n_events;
  guint       n_attendances;
  guint       n_entries;
} BenchNetwork;

void        bench_network_free    (BenchNetwork *network);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchNetwork, bench_network_free)

/* Writes the synthetic notebook into @store through its public API. */
BenchNetwork *bench_generate_network (NbStore            *store,
                                      const BenchOptions *options,
                                      GError            **error);
/* The same description without writing (for a kept notebook). */
BenchNetwork *bench_describe_network (const BenchOptions *options);

/* The 200 (or @n) queries typed into the search field. */
GPtrArray  *bench_generate_queries (BenchNetwork       *network,
                                    const BenchOptions *options,
                                    guint               n);

/* Import files: @n vCard 3.0 cards, and a LinkedIn
 * "Connections.csv" export of @n rows. */
gboolean    bench_write_vcard     (const char  *path,
                                   guint32      seed,
                                   guint        n,
                                   GError     **error);
gboolean    bench_write_linkedin_csv (const char  *path,
                                      guint32      seed,
                                      guint        n,
                                      GError     **error);

/* ---- bench-core.c -------------------------------------------------------- */

/* The in-process measures against the notebook at @db_path. */
gboolean    bench_core_run        (const char         *db_path,
                                   BenchNetwork       *network,
                                   const BenchOptions *options,
                                   BenchReport        *report,
                                   GError            **error);

/* --rss-probe: prints the peak RSS after loading the people list
 * ("netbook") or running its SQL bare ("floor"). */
int         bench_rss_probe       (const char         *what,
                                   const char         *db_path);

/* Imports: vCard and LinkedIn files into fresh notebooks in @dir. */
gboolean    bench_imports_run     (const char         *dir,
                                   const BenchOptions *options,
                                   BenchReport        *report,
                                   GError            **error);

/* ---- bench-gui.c --------------------------------------------------------- */

/* Start-up to first frame and peak RSS of the app (large and empty
 * notebooks) and of the bare libadwaita window, under Xvfb. */
gboolean    bench_gui_run         (const char         *large_db,
                                   const char         *empty_db,
                                   const char         *scratch,
                                   const BenchOptions *options,
                                   BenchReport        *report,
                                   GError            **error);

G_END_DECLS
