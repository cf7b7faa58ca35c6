/* bench-util.c: the clock, statistics, memory, and the report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "bench.h"

gboolean
bench_wants (const BenchOptions *options,
             const char         *phase)
{
  return options->only == NULL || g_strv_contains ((const char * const *) options->only, phase);
}

/* ---- clock and samples ----------------------------------------------- */

double
bench_now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec * 1000.0 + (double) ts.tv_nsec / 1e6;
}

static gboolean use_cpu_clock;

void
bench_set_cpu_clock (gboolean cpu)
{
  use_cpu_clock = cpu;
}

gboolean
bench_get_cpu_clock (void)
{
  return use_cpu_clock;
}

double
bench_clock_ms (void)
{
  struct timespec ts;

  clock_gettime (use_cpu_clock ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec * 1000.0 + (double) ts.tv_nsec / 1e6;
}

char *
bench_load_average (void)
{
  g_autofree char *loadavg = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    return g_strdup ("?");

  fields = g_strsplit (loadavg, " ", 4);
  if (g_strv_length (fields) < 3)
    return g_strdup ("?");

  return g_strdup_printf ("%s %s %s", fields[0], fields[1], fields[2]);
}

BenchSamples *
bench_samples_new (void)
{
  BenchSamples *samples = g_new0 (BenchSamples, 1);

  samples->values = g_array_new (FALSE, FALSE, sizeof (double));
  return samples;
}

void
bench_samples_free (BenchSamples *samples)
{
  if (samples == NULL)
    return;

  g_array_unref (samples->values);
  g_free (samples);
}

void
bench_samples_add (BenchSamples *samples,
                   double        value)
{
  g_array_append_val (samples->values, value);
}

guint
bench_samples_count (BenchSamples *samples)
{
  return samples != NULL ? samples->values->len : 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db;
}

double
bench_samples_percentile (BenchSamples *samples,
                          double        percentile)
{
  g_autoptr(GArray) sorted = NULL;
  guint n = bench_samples_count (samples);
  guint rank;

  if (n == 0)
    return NAN;

  sorted = g_array_copy (samples->values);
  g_array_sort (sorted, compare_doubles);

  /* The median of an even count is the mean of the middle two; other
   * percentiles are nearest-rank. */
  if (percentile == 50.0 && n % 2 == 0)
    return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;

  rank = (guint) ceil (percentile / 100.0 * n);
  rank = CLAMP (rank, 1, n);
  return g_array_index (sorted, double, rank - 1);
}

/* ---- memory ------------------------------------------------------------ */

static double
read_status_kib (const char *key)
{
  g_autofree char *status = NULL;
  gsize key_len = strlen (key);

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return NAN;

  for (char *line = status; line != NULL && *line != '\0'; )
    {
      char *next = strchr (line, '\n');

      if (strncmp (line, key, key_len) == 0 && line[key_len] == ':')
        return g_ascii_strtod (line + key_len + 1, NULL);

      line = next != NULL ? next + 1 : NULL;
    }

  return NAN;
}

double
bench_peak_rss_mib (void)
{
  return read_status_kib ("VmHWM") / 1024.0;
}

/* ---- machine ----------------------------------------------------------- */

static char *
cpu_model (void)
{
  g_autofree char *cpuinfo = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    return g_strdup ("unknown CPU");

  lines = g_strsplit (cpuinfo, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "model name"))
        {
          const char *colon = strchr (lines[i], ':');

          if (colon != NULL)
            return g_strstrip (g_strdup (colon + 1));
        }
    }

  return g_strdup ("unknown CPU");
}

static char *
os_name (void)
{
  g_autofree char *release = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/etc/os-release", &release, NULL, NULL))
    return g_strdup ("unknown OS");

  lines = g_strsplit (release, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "PRETTY_NAME="))
        {
          g_autofree char *value = g_strdup (lines[i] + strlen ("PRETTY_NAME="));

          return g_shell_unquote (value, NULL);
        }
    }

  return g_strdup ("unknown OS");
}

char *
bench_describe_machine (void)
{
  g_autofree char *cpu = cpu_model ();
  g_autofree char *os = os_name ();
  long pages = sysconf (_SC_PHYS_PAGES);
  long page_size = sysconf (_SC_PAGESIZE);
  double gib = (double) pages * (double) page_size / (1024.0 * 1024.0 * 1024.0);

  return g_strdup_printf ("%u × %s, %.0f GiB RAM, %s, SQLite %s, GLib %u.%u.%u",
                          g_get_num_processors (), cpu, gib, os,
                          sqlite3_libversion (),
                          glib_major_version, glib_minor_version, glib_micro_version);
}

void
bench_progress (const char *format,
                ...)
{
  static double start = 0;
  g_autofree char *message = NULL;
  va_list args;

  if (start == 0)
    start = bench_now_ms ();

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "[%7.1f s] %s\n", (bench_now_ms () - start) / 1000.0, message);
}

/* ---- report ------------------------------------------------------------ */

static void
bench_result_free (BenchResult *result)
{
  g_free (result->id);
  g_free (result->label);
  g_free (result->unit);
  g_free (result->floor_label);
  g_free (result->goal);
  g_free (result->note);
  g_free (result);
}

BenchReport *
bench_report_new (void)
{
  BenchReport *report = g_new0 (BenchReport, 1);

  report->results = g_ptr_array_new_with_free_func ((GDestroyNotify) bench_result_free);
  return report;
}

void
bench_report_free (BenchReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->results);
  g_free (report);
}

BenchResult *
bench_report_add (BenchReport  *report,
                  const char   *id,
                  const char   *label,
                  const char   *unit,
                  BenchSamples *samples,
                  BenchSamples *floor,
                  const char   *floor_label)
{
  BenchResult *result = g_new0 (BenchResult, 1);

  result->id = g_strdup (id);
  result->label = g_strdup (label);
  result->unit = g_strdup (unit);
  result->n = bench_samples_count (samples);
  result->median = bench_samples_percentile (samples, 50);
  result->p99 = bench_samples_percentile (samples, 99);
  result->floor_n = bench_samples_count (floor);
  result->floor_median = bench_samples_percentile (floor, 50);
  result->floor_p99 = bench_samples_percentile (floor, 99);
  result->floor_label = g_strdup (floor_label);
  result->state = BENCH_GOAL_NONE;
  g_ptr_array_add (report->results, result);

  return result;
}

BenchResult *
bench_report_add_na (BenchReport *report,
                     const char  *id,
                     const char  *label,
                     const char  *unit,
                     const char  *note)
{
  BenchResult *result = bench_report_add (report, id, label, unit, NULL, NULL, NULL);

  result->note = g_strdup (note);
  result->state = BENCH_GOAL_NOT_RUN;
  return result;
}

BenchResult *
bench_report_find (BenchReport *report,
                   const char  *id)
{
  for (guint i = 0; i < report->results->len; i++)
    {
      BenchResult *result = g_ptr_array_index (report->results, i);

      if (g_str_equal (result->id, id))
        return result;
    }

  return NULL;
}

void
bench_result_set_goal (BenchResult *result,
                       const char  *goal,
                       gboolean     met)
{
  g_free (result->goal);
  result->goal = g_strdup (goal);
  if (result->state != BENCH_GOAL_NOT_RUN)
    result->state = met ? BENCH_GOAL_MET : BENCH_GOAL_MISSED;
}

double
bench_result_ratio (BenchResult *result)
{
  if (result->floor_n == 0 || result->n == 0 || result->floor_median <= 0)
    return NAN;

  return result->median / result->floor_median;
}

static char *
format_value (double      value,
              const char *unit)
{
  if (isnan (value))
    return g_strdup ("–");

  if (g_str_equal (unit, "ms"))
    {
      if (value < 10)
        return g_strdup_printf ("%.2f ms", value);
      if (value < 1000)
        return g_strdup_printf ("%.1f ms", value);
      return g_strdup_printf ("%.2f s", value / 1000);
    }

  if (g_str_equal (unit, "MiB"))
    return g_strdup_printf ("%.1f MiB", value);

  return g_strdup_printf ("%.3g %s", value, unit);
}

static const char *
state_mark (BenchGoalState state)
{
  switch (state)
    {
    case BENCH_GOAL_MET:
      return "met";
    case BENCH_GOAL_MISSED:
      return "MISSED";
    case BENCH_GOAL_NOT_RUN:
      return "not run";
    case BENCH_GOAL_NONE:
    default:
      return "";
    }
}

void
bench_report_print (BenchReport *report,
                    FILE        *out)
{
  fprintf (out, "| measure | n | median | p99 | floor median | floor p99 | Netbook / floor | goal | |\n");
  fprintf (out, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");

  for (guint i = 0; i < report->results->len; i++)
    {
      BenchResult *r = g_ptr_array_index (report->results, i);
      double ratio = bench_result_ratio (r);
      g_autofree char *median = NULL;
      g_autofree char *p99 = NULL;
      g_autofree char *floor_median = NULL;
      g_autofree char *floor_p99 = NULL;
      g_autofree char *ratio_text = NULL;

      floor_median = format_value (r->floor_n > 0 ? r->floor_median : NAN, r->unit);
      floor_p99 = format_value (r->floor_n > 0 ? r->floor_p99 : NAN, r->unit);

      if (r->note != NULL && r->n == 0)
        {
          fprintf (out, "| %s | | %s | | %s | %s | | %s | %s |\n",
                   r->label, r->note, floor_median, floor_p99,
                   r->goal != NULL ? r->goal : "", state_mark (r->state));
          continue;
        }

      median = format_value (r->median, r->unit);
      p99 = format_value (r->p99, r->unit);
      ratio_text = isnan (ratio) ? g_strdup ("–") : g_strdup_printf ("%.2f×", ratio);

      fprintf (out, "| %s | %u | %s | %s | %s | %s | %s | %s | %s |\n",
               r->label, r->n, median, p99, floor_median, floor_p99, ratio_text,
               r->goal != NULL ? r->goal : "", state_mark (r->state));
    }

  fprintf (out, "\nFloors:\n");
  for (guint i = 0; i < report->results->len; i++)
    {
      BenchResult *r = g_ptr_array_index (report->results, i);

      if (r->floor_label != NULL)
        fprintf (out, "- %s: %s\n", r->id, r->floor_label);
    }

  fprintf (out, "\nNotes:\n");
  for (guint i = 0; i < report->results->len; i++)
    {
      BenchResult *r = g_ptr_array_index (report->results, i);

      if (r->note != NULL && r->n > 0)
        fprintf (out, "- %s: %s\n", r->id, r->note);
    }
}

static void
append_json_string (GString    *json,
                    const char *text)
{
  if (text == NULL)
    {
      g_string_append (json, "null");
      return;
    }

  g_string_append_c (json, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      unsigned char c = (unsigned char) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (json, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (json, "\\u%04x", c);
      else
        g_string_append_c (json, (char) c);
    }
  g_string_append_c (json, '"');
}

static void
append_json_number (GString *json,
                    double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value) || isinf (value))
    g_string_append (json, "null");
  else
    g_string_append (json, g_ascii_formatd (buf, sizeof buf, "%.4f", value));
}

gboolean
bench_report_write_json (BenchReport         *report,
                         const BenchOptions  *options,
                         const char          *machine,
                         const char          *path,
                         GError             **error)
{
  g_autoptr(GString) json = g_string_new ("{\n");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format_iso8601 (now);

  g_string_append (json, "  \"program\": \"netbook-bench\",\n");
  g_string_append (json, "  \"version\": ");
  append_json_string (json, PACKAGE_VERSION);
  g_string_append (json, ",\n  \"date\": ");
  append_json_string (json, when);
  g_string_append (json, ",\n  \"machine\": ");
  append_json_string (json, machine);
  g_string_append_printf (json, ",\n  \"clock\": \"%s\"", use_cpu_clock ? "cpu" : "wall");
  g_string_append_printf (json, ",\n  \"people\": %u,\n  \"entries\": %u,\n  \"seed\": %u,\n"
                          "  \"repetitions\": %u,\n  \"gui_repetitions\": %u,\n"
                          "  \"quick\": %s,\n  \"results\": [\n",
                          options->n_people, options->n_entries, options->seed,
                          options->repetitions, options->gui_repetitions,
                          options->quick ? "true" : "false");

  for (guint i = 0; i < report->results->len; i++)
    {
      BenchResult *r = g_ptr_array_index (report->results, i);

      g_string_append (json, "    { \"id\": ");
      append_json_string (json, r->id);
      g_string_append (json, ", \"label\": ");
      append_json_string (json, r->label);
      g_string_append (json, ", \"unit\": ");
      append_json_string (json, r->unit);
      g_string_append_printf (json, ", \"n\": %u, \"median\": ", r->n);
      append_json_number (json, r->median);
      g_string_append (json, ", \"p99\": ");
      append_json_number (json, r->p99);
      if (r->floor_n > 0)
        {
          g_string_append_printf (json, ", \"floor\": { \"n\": %u, \"median\": ", r->floor_n);
          append_json_number (json, r->floor_median);
          g_string_append (json, ", \"p99\": ");
          append_json_number (json, r->floor_p99);
          g_string_append (json, ", \"what\": ");
          append_json_string (json, r->floor_label);
          g_string_append (json, " }, \"ratio\": ");
          append_json_number (json, bench_result_ratio (r));
        }
      g_string_append (json, ", \"goal\": ");
      append_json_string (json, r->goal);
      g_string_append (json, ", \"goal_state\": ");
      append_json_string (json, r->state == BENCH_GOAL_NONE ? NULL : state_mark (r->state));
      g_string_append (json, ", \"note\": ");
      append_json_string (json, r->note);
      g_string_append_printf (json, " }%s\n", i + 1 < report->results->len ? "," : "");
    }

  g_string_append (json, "  ]\n}\n");

  return g_file_set_contents (path, json->str, (gssize) json->len, error);
}
