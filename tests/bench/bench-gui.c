/* bench-gui.c: start-up to the first frame, and peak memory, of the app
 * and of a bare libadwaita window, under an Xvfb started here.
 *
 * Each run is a child process with NETBOOK_EXIT_AFTER_FIRST_FRAME=1 (the
 * app, see src/gui/main.c) or the bare-window program: both print one
 * line on stderr when their window's first frame has been painted. The
 * bare window quits then; so does the app, unless its first frame showed
 * only the first screen of a long people list: then it prints a second
 * line when a frame with everyone has been painted, and quits. The times
 * are from just before the fork to those lines; the peak RSS is the
 * child's ru_maxrss from wait4(), so it counts the whole list. One private session bus
 * (tests/dbus-session.conf) serves every run, as a desktop's would; the
 * children get private HOME and XDG folders and in-memory GSettings.
 * Runs of the three programs are interleaved, so that a slow moment of
 * the machine is shared, and the first round of each is a warm-up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib-unix.h>
#include <glib/gstdio.h>

#include "bench.h"

#define FIRST_FRAME_MARK "first frame"
#define WHOLE_LIST_MARK "whole people list"
#define CHILD_TIMEOUT_MS 60000

typedef struct {
  GPid    pid;
  int     fd;      /* stdout or stderr pipe */
} Child;

typedef struct {
  Child   xvfb;
  Child   dbus;
  char   *display;
  char   *bus_address;
  char   *scratch;
} Session;

typedef enum {
  PROGRAM_BARE,
  PROGRAM_EMPTY,
  PROGRAM_LARGE,
  N_PROGRAMS
} Program;

static const char * const program_ids[N_PROGRAMS] = { "bare", "empty", "large" };

/* Reads a line from @fd within @timeout_ms; NULL on EOF or timeout. */
static char *
read_line (int    fd,
           double timeout_ms)
{
  g_autoptr(GString) line = g_string_new (NULL);
  double deadline = bench_now_ms () + timeout_ms;

  for (;;)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      double left = deadline - bench_now_ms ();
      char c;
      ssize_t n;

      if (left <= 0 || poll (&pfd, 1, (int) left) <= 0)
        return NULL;

      n = read (fd, &c, 1);
      if (n <= 0)
        return line->len > 0 ? g_string_free (g_steal_pointer (&line), FALSE) : NULL;
      if (c == '\n')
        return g_string_free (g_steal_pointer (&line), FALSE);
      g_string_append_c (line, c);
    }
}

static void
child_stop (Child *child)
{
  if (child->pid > 0)
    {
      kill (child->pid, SIGTERM);
      waitpid (child->pid, NULL, 0);
      child->pid = 0;
    }
  if (child->fd >= 0)
    {
      close (child->fd);
      child->fd = -1;
    }
}

/* Xvfb and the bus go when the bench goes, even if it crashes. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
session_stop (Session *session)
{
  child_stop (&session->dbus);
  child_stop (&session->xvfb);
  g_clear_pointer (&session->display, g_free);
  g_clear_pointer (&session->bus_address, g_free);
}

static gboolean
session_start (Session     *session,
               const char  *scratch,
               GError     **error)
{
  const char * const xvfb_argv[] = {
    "Xvfb", "-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp",
    "-noreset", NULL
  };
  const char *dbus_argv[] = {
    "dbus-daemon", "--nofork", "--print-address=1", NULL, NULL
  };
  g_autofree char *dbus_config = g_strdup_printf ("--config-file=%s", BENCH_DBUS_CONFIG);
  int display_pipe[2];
  int source_fds[1];
  int target_fds[1] = { 3 };
  g_autofree char *display_number = NULL;

  memset (session, 0, sizeof *session);
  session->xvfb.fd = -1;
  session->dbus.fd = -1;
  session->scratch = (char *) scratch;

  /* Xvfb picks a free display and writes its number to fd 3. */
  if (!g_unix_open_pipe (display_pipe, FD_CLOEXEC, error))
    return FALSE;
  source_fds[0] = display_pipe[1];
  if (!g_spawn_async_with_pipes_and_fds (NULL, xvfb_argv, NULL,
                                         G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                                         G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                         die_with_parent, NULL, -1, -1, -1,
                                         source_fds, target_fds, 1,
                                         &session->xvfb.pid, NULL, NULL, NULL, error))
    {
      close (display_pipe[0]);
      close (display_pipe[1]);
      return FALSE;
    }
  close (display_pipe[1]);
  session->xvfb.fd = display_pipe[0];

  display_number = read_line (session->xvfb.fd, 20000);
  if (display_number == NULL || *display_number == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Xvfb did not start");
      session_stop (session);
      return FALSE;
    }
  session->display = g_strdup_printf (":%s", g_strstrip (display_number));

  dbus_argv[3] = dbus_config;
  if (!g_spawn_async_with_pipes (NULL, (char **) dbus_argv, NULL,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                                 G_SPAWN_STDERR_TO_DEV_NULL,
                                 die_with_parent, NULL, &session->dbus.pid, NULL, &session->dbus.fd, NULL,
                                 error))
    {
      session_stop (session);
      return FALSE;
    }

  session->bus_address = read_line (session->dbus.fd, 20000);
  if (session->bus_address == NULL || *session->bus_address == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "dbus-daemon did not start");
      session_stop (session);
      return FALSE;
    }

  return TRUE;
}

static GStrv
child_environment (Session    *session,
                   const char *db_path,
                   const char *renderer)
{
  g_auto(GStrv) env = g_get_environ ();
  const char *dirs[] = { "home", "data", "config", "cache", "runtime" };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (session->scratch, dirs[i], NULL);

      g_mkdir_with_parents (dir, 0700);
    }

  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_unsetenv (env, "G_DEBUG");
  env = g_environ_setenv (env, "DISPLAY", session->display, TRUE);
  env = g_environ_setenv (env, "GDK_BACKEND", "x11", TRUE);
  env = g_environ_setenv (env, "DBUS_SESSION_BUS_ADDRESS", session->bus_address, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", BENCH_SCHEMA_DIR, TRUE);
  env = g_environ_setenv (env, "GTK_A11Y", "none", TRUE);
  env = g_environ_setenv (env, "NO_AT_BRIDGE", "1", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "NETBOOK_TODAY", BENCH_TODAY, TRUE);
  env = g_environ_setenv (env, "NETBOOK_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  env = g_environ_setenv (env, "GSK_RENDERER", renderer, TRUE);
  if (db_path != NULL)
    env = g_environ_setenv (env, "NETBOOK_DB", db_path, TRUE);

  {
    g_autofree char *home = g_build_filename (session->scratch, "home", NULL);
    g_autofree char *data = g_build_filename (session->scratch, "data", NULL);
    g_autofree char *config = g_build_filename (session->scratch, "config", NULL);
    g_autofree char *cache = g_build_filename (session->scratch, "cache", NULL);
    g_autofree char *runtime = g_build_filename (session->scratch, "runtime", NULL);

    env = g_environ_setenv (env, "HOME", home, TRUE);
    env = g_environ_setenv (env, "XDG_DATA_HOME", data, TRUE);
    env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
    env = g_environ_setenv (env, "XDG_CACHE_HOME", cache, TRUE);
    env = g_environ_setenv (env, "XDG_RUNTIME_DIR", runtime, TRUE);
  }

  return g_steal_pointer (&env);
}

/* One run: milliseconds to the first frame and to the frame with the
 * whole people list (the first, if that had everyone), and peak RSS in
 * MiB. */
static gboolean
run_once (Session     *session,
          const char  *binary,
          const char  *db_path,
          const char  *renderer,
          double      *out_ms,
          double      *out_whole_ms,
          double      *out_rss,
          double      *out_cpu,
          GError     **error)
{
  const char *argv[] = { binary, NULL };
  g_auto(GStrv) env = child_environment (session, db_path, renderer);
  g_autoptr(GString) output = g_string_new (NULL);
  struct rusage usage;
  double start, first_frame = NAN, whole_list = NAN;
  int status = 0;
  int err_fd = -1;
  GPid pid;

  start = bench_now_ms ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, env,
                                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                 NULL, NULL, &pid, NULL, NULL, &err_fd, error))
    return FALSE;

  for (;;)
    {
      g_autofree char *line = read_line (err_fd, CHILD_TIMEOUT_MS);

      if (line == NULL)
        break;
      if (isnan (first_frame) && strstr (line, FIRST_FRAME_MARK) != NULL)
        first_frame = bench_now_ms () - start;
      else if (isnan (whole_list) && strstr (line, WHOLE_LIST_MARK) != NULL)
        whole_list = bench_now_ms () - start;
      else
        g_string_append_printf (output, "%s\n", line);
    }
  close (err_fd);

  if (isnan (first_frame))
    kill (pid, SIGKILL);

  while (wait4 (pid, &status, 0, &usage) < 0 && errno == EINTR)
    ;
  g_spawn_close_pid (pid);

  if (isnan (first_frame) || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%s (%s, %s) did not exit cleanly after its first frame (status %d):\n%s",
                   binary, db_path != NULL ? db_path : "no notebook", renderer, status, output->str);
      return FALSE;
    }

  *out_ms = first_frame;
  *out_whole_ms = isnan (whole_list) ? first_frame : whole_list;
  /* ru_maxrss is in KiB on Linux. */
  *out_rss = (double) usage.ru_maxrss / 1024.0;
  *out_cpu = (double) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
             (double) (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  return TRUE;
}

static void
add_rows (BenchReport   *report,
          const char    *renderer,
          BenchSamples  *whole_list,
          BenchSamples **times,
          BenchSamples **rss,
          BenchSamples **cpu)
{
  g_autofree char *bare_id = g_strdup_printf ("gui-start-bare-%s", renderer);
  g_autofree char *empty_id = g_strdup_printf ("gui-start-empty-%s", renderer);
  g_autofree char *large_empty_id = g_strdup_printf ("gui-start-large-vs-empty-%s", renderer);
  g_autofree char *large_bare_id = g_strdup_printf ("gui-start-large-vs-bare-%s", renderer);
  g_autofree char *label = NULL;
  BenchResult *r;

  label = g_strdup_printf ("start-up to first frame: bare AdwApplicationWindow (GSK %s)", renderer);
  bench_report_add (report, bare_id, label, "ms", times[PROGRAM_BARE], NULL, NULL);
  g_clear_pointer (&label, g_free);

  label = g_strdup_printf ("start-up to first frame: Netbook, empty notebook (GSK %s)", renderer);
  bench_report_add (report, empty_id, label, "ms", times[PROGRAM_EMPTY], times[PROGRAM_BARE],
                    "bare AdwApplicationWindow");
  g_clear_pointer (&label, g_free);

  label = g_strdup_printf ("start-up to first frame: Netbook, large notebook, vs empty (GSK %s)", renderer);
  r = bench_report_add (report, large_empty_id, label, "ms", times[PROGRAM_LARGE], times[PROGRAM_EMPTY],
                        "Netbook with an empty notebook");
  bench_result_set_goal (r, "≤ 1.5× empty", bench_result_ratio (r) <= 1.5);
  g_clear_pointer (&label, g_free);

  label = g_strdup_printf ("start-up to first frame: Netbook, large notebook, vs bare (GSK %s)", renderer);
  r = bench_report_add (report, large_bare_id, label, "ms", times[PROGRAM_LARGE], times[PROGRAM_BARE],
                        "bare AdwApplicationWindow");
  bench_result_set_goal (r, "≤ 2× bare window", bench_result_ratio (r) <= 2.0);
  g_clear_pointer (&label, g_free);

  {
    g_autofree char *whole_id = g_strdup_printf ("gui-start-large-whole-list-%s", renderer);

    label = g_strdup_printf ("start-up to the frame with the whole people list: Netbook, large notebook (GSK %s)",
                             renderer);
    bench_report_add (report, whole_id, label, "ms", whole_list, times[PROGRAM_EMPTY],
                      "Netbook with an empty notebook");
    g_clear_pointer (&label, g_free);
  }

  /* CPU time (user + system) of the whole run, start to exit: what a
   * busy machine disturbs least. */
  for (guint p = 0; p < N_PROGRAMS; p++)
    {
      static const char * const names[N_PROGRAMS] = {
        "bare AdwApplicationWindow", "Netbook, empty notebook", "Netbook, large notebook",
      };
      g_autofree char *id = g_strdup_printf ("gui-cpu-%s-%s", program_ids[p], renderer);

      g_clear_pointer (&label, g_free);
      label = g_strdup_printf ("CPU time, start to exit: %s (GSK %s)", names[p], renderer);
      r = bench_report_add (report, id, label, "ms", cpu[p],
                            p == PROGRAM_LARGE ? cpu[PROGRAM_EMPTY] : p == PROGRAM_EMPTY ? cpu[PROGRAM_BARE] : NULL,
                            p == PROGRAM_LARGE ? "Netbook with an empty notebook"
                            : p == PROGRAM_EMPTY ? "bare AdwApplicationWindow" : NULL);
    }

  for (guint p = 0; p < N_PROGRAMS; p++)
    {
      static const char * const names[N_PROGRAMS] = {
        "bare AdwApplicationWindow", "Netbook, empty notebook", "Netbook, large notebook",
      };
      g_autofree char *id = g_strdup_printf ("gui-rss-%s-%s", program_ids[p], renderer);

      g_clear_pointer (&label, g_free);
      label = g_strdup_printf ("peak RSS to exit: %s (GSK %s)", names[p], renderer);
      r = bench_report_add (report, id, label, "MiB", rss[p],
                            p == PROGRAM_BARE ? NULL : rss[PROGRAM_BARE],
                            p == PROGRAM_BARE ? NULL : "bare AdwApplicationWindow");
      if (p == PROGRAM_LARGE)
        {
          double extra = r->median - r->floor_median;

          r->note = g_strdup_printf ("%+.1f MiB over the bare window", extra);
          bench_result_set_goal (r, "≤ bare + 40 MiB", extra <= 40.0);
        }
    }
}

gboolean
bench_gui_run (const char          *large_db,
               const char          *empty_db,
               const char          *scratch,
               const BenchOptions  *options,
               BenchReport         *report,
               GError             **error)
{
  static const char * const renderers[] = { "gl", "cairo" };
  const char *binaries[N_PROGRAMS] = { BENCH_BARE_WINDOW_PATH, BENCH_NETBOOK_PATH, BENCH_NETBOOK_PATH };
  const char *dbs[N_PROGRAMS] = { NULL, empty_db, large_db };
  Session session;
  gboolean ok = TRUE;

  for (guint p = 0; p < N_PROGRAMS; p++)
    {
      if (!g_file_test (binaries[p], G_FILE_TEST_IS_EXECUTABLE))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       "%s is not built (meson compile first)", binaries[p]);
          return FALSE;
        }
    }

  if (!session_start (&session, scratch, error))
    return FALSE;

  for (guint r = 0; ok && r < G_N_ELEMENTS (renderers); r++)
    {
      BenchSamples *times[N_PROGRAMS];
      BenchSamples *rss[N_PROGRAMS];
      BenchSamples *cpu[N_PROGRAMS];
      BenchSamples *whole_list = bench_samples_new ();

      for (guint p = 0; p < N_PROGRAMS; p++)
        {
          times[p] = bench_samples_new ();
          rss[p] = bench_samples_new ();
          cpu[p] = bench_samples_new ();
        }

      bench_progress ("GUI start-up, GSK renderer %s: %u rounds", renderers[r], options->gui_repetitions);

      /* Round 0 warms the caches; the order rotates every round. */
      for (guint round = 0; ok && round <= options->gui_repetitions; round++)
        {
          for (guint k = 0; ok && k < N_PROGRAMS; k++)
            {
              guint p = (k + round) % N_PROGRAMS;
              double ms = 0, whole_ms = 0, mib = 0, cpu_ms = 0;

              ok = run_once (&session, binaries[p], dbs[p], renderers[r], &ms, &whole_ms, &mib, &cpu_ms,
                             error);
              if (ok && round > 0)
                {
                  bench_samples_add (times[p], ms);
                  if (p == PROGRAM_LARGE)
                    bench_samples_add (whole_list, whole_ms);
                  bench_samples_add (rss[p], mib);
                  bench_samples_add (cpu[p], cpu_ms);
                }
              if (ok && options->verbose)
                bench_progress ("  %s %s: %.0f ms, %.1f MiB, %.0f ms CPU",
                                renderers[r], program_ids[p], ms, mib, cpu_ms);
            }
        }

      if (ok)
        add_rows (report, renderers[r], whole_list, times, rss, cpu);
      bench_samples_free (whole_list);

      for (guint p = 0; p < N_PROGRAMS; p++)
        {
          bench_samples_free (times[p]);
          bench_samples_free (rss[p]);
          bench_samples_free (cpu[p]);
        }
    }

  session_stop (&session);
  return ok;
}
