/* test-cli-capture.c: netbook-cli capture, the after-event quick capture
 * read from standard input.
 *
 * Runs the command in-process through nb_cli_run() with memory streams,
 * and once through the real binary ($NETBOOK_CLI) with a real pipe.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "nb-cli.h"
#include "nb-store.h"

/* A Friday. */
#define TODAY "2026-11-20"

#define UX_LINES \
  "Bob Haddad (Blue Harbor): wants restaurant referrals #insurance !fri\n" \
  "Priya Raghunathan, Spa Olivia: looking for a bookkeeper\n"

typedef struct
{
  char *db;
  char *out;
  char *err;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint counter;
  const char *scratch = g_getenv ("NETBOOK_TEST_SCRATCH");
  g_autofree char *name = NULL;

  g_assert_nonnull (scratch);
  name = g_strdup_printf ("cli-capture-%u.db", ++counter);
  f->db = g_build_filename (scratch, name, NULL);
  f->out = g_strdup ("");
  f->err = g_strdup ("");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->db);
  g_free (f->out);
  g_free (f->err);
}

static char *
steal_output (GOutputStream *stream)
{
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);
  gsize size;
  char *data;

  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  size = g_memory_output_stream_get_data_size (memory);
  data = g_memory_output_stream_steal_data (memory);
  data = g_realloc (data, size + 1);
  data[size] = '\0';

  return data;
}

/* netbook-cli --db f->db ARGS…, with @input on standard input. */
static int run (Fixture *f, const char *input, const char *first, ...) G_GNUC_NULL_TERMINATED;

static int
run (Fixture    *f,
     const char *input,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GOutputStream) err = NULL;
  va_list args;
  int status;

  g_ptr_array_add (argv, (char *) "netbook-cli");
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, f->db);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  in = g_memory_input_stream_new_from_data (input != NULL ? input : "",
                                            input != NULL ? (gssize) strlen (input) : 0, NULL);
  out = g_memory_output_stream_new_resizable ();
  err = g_memory_output_stream_new_resizable ();

  status = nb_cli_run ((int) argv->len - 1, (char **) argv->pdata, in, out, err);

  g_free (f->out);
  g_free (f->err);
  f->out = steal_output (out);
  f->err = steal_output (err);
  g_test_message ("status %d\nstdout: %s\nstderr: %s", status, f->out, f->err);

  /* Success is quiet on stderr; messages are prefixed. */
  if (status == 0)
    g_assert_cmpstr (f->err, ==, "");
  else
    g_assert_true (g_str_has_prefix (f->err, "netbook-cli: "));

  return status;
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (f->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* People, entries and events: what a refused capture must not change. */
static char *
snapshot (Fixture *f)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                          count (f, "SELECT count (*) FROM people"),
                          count (f, "SELECT count (*) FROM entries"),
                          count (f, "SELECT count (*) FROM events"),
                          count (f, "SELECT count (*) FROM tags"));
}

static void
add_person (Fixture    *f,
            const char *name,
            const char *company)
{
  g_assert_cmpint (run (f, NULL, "add", name, "--company", company, NULL), ==, 0);
}

static void
test_capture_saves (Fixture       *f,
                    gconstpointer  data)
{
  add_person (f, "Robert Haddad", "Blue Harbor Insurance");

  g_assert_cmpint (run (f, UX_LINES "\n" "Chen Wei !tomorrow\n" "priya raghunathan: knows the mayor\n",
                        "capture", "--event", "Chamber breakfast", "--place", "Town hall", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "1\n"
                   "1\t1\tmatched\tRobert Haddad\t2026-11-27\tBob is short for Robert; same company\n"
                   "2\t2\tnew\tPriya Raghunathan\t-\t\n"
                   "4\t3\tnew\tChen Wei\t2026-11-21\t\n"
                   "5\t2\tsame\tPriya Raghunathan\t-\t\n");

  g_assert_cmpint (run (f, NULL, "show", "Robert Haddad", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "tags: insurance\n"));
  g_assert_nonnull (strstr (f->out, "\t" TODAY "\tconversation\t-\t-\twants restaurant referrals\n"));
  g_assert_nonnull (strstr (f->out, "\t" TODAY "\tfollow-up\topen\t2026-11-27\twants restaurant referrals\n"));

  g_assert_cmpint (run (f, NULL, "show", "Priya Raghunathan", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "company: Spa Olivia\n"));
  g_assert_nonnull (strstr (f->out, "met_date: " TODAY "\n"));
  g_assert_nonnull (strstr (f->out, "met_where: Chamber breakfast\n"));
  g_assert_nonnull (strstr (f->out, "\tconversation\t-\t-\tknows the mayor\n"));

  g_assert_cmpint (run (f, NULL, "followups", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "\t2026-11-21\t3\tChen Wei\tFollow up with Chen Wei\n"));

  g_assert_cmpint (count (f, "SELECT count (*) FROM events WHERE name = 'Chamber breakfast'"
                             " AND date = '" TODAY "' AND place = 'Town hall'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM event_people"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count (*) FROM entries WHERE event_id = 1"), ==, 6);
}

static void
test_capture_date_and_escaping (Fixture       *f,
                                gconstpointer  data)
{
  g_assert_cmpint (run (f, "Bob \\ Jr (A\\B): hi !2026-12-01\r\n",
                        "capture", "--event", "Rotary", "--date", "2026-11-02", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "1\n1\t1\tnew\tBob \\\\ Jr\t2026-12-01\t\n");
  g_assert_cmpint (count (f, "SELECT count (*) FROM entries WHERE date = '2026-11-02'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count (*) FROM people WHERE met_date = '2026-11-02'"
                             " AND company = 'A\\B'"), ==, 1);
}

static void
test_capture_dry_run (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add_person (f, "Robert Haddad", "Blue Harbor Insurance");
  before = snapshot (f);

  g_assert_cmpint (run (f, UX_LINES "Bob: again\n", "capture", "--event", "Chamber breakfast", "--dry-run", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "-\n"
                   "1\t1\tmatched\tRobert Haddad\t2026-11-27\tBob is short for Robert; same company\n"
                   "2\t-\tnew\tPriya Raghunathan\t-\t\n"
                   "3\t-\tnew\tBob\t-\tmaybe Robert Haddad (1)\n");

  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_capture_ambiguous (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add_person (f, "Maria Rossi", "Bianchi Rossi Partners");
  add_person (f, "Maria Rossi", "Rossi Bakery");
  before = snapshot (f);

  /* Two people of that name: nothing is saved, both are listed. */
  g_assert_cmpint (run (f, "Chen Wei\nmaria rossi: logos\n", "capture", "--event", "Lunch", NULL), ==, 2);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_nonnull (strstr (f->err, "line 2: "));
  g_assert_nonnull (strstr (f->err, "--match 2=ID"));
  g_assert_nonnull (strstr (f->err, "\n1\tMaria Rossi\tBianchi Rossi Partners\n2\tMaria Rossi\tRossi Bakery\n"));
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);

  /* The company says which one. */
  g_assert_cmpint (run (f, "Maria Rossi (Rossi Bakery): bread\n", "capture", "--event", "Lunch", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "1\n1\t2\tmatched\tMaria Rossi\t-\tSame name; same company\n");

  /* Or --match. */
  g_assert_cmpint (run (f, "Chen Wei\nmaria rossi: logos\n",
                        "capture", "--event", "Lunch", "--match", "2=1", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "1\n1\t3\tnew\tChen Wei\t-\t\n2\t1\tmatched\tMaria Rossi\t-\t--match\n");
  g_assert_cmpint (run (f, "maria rossi: a third one\n",
                        "capture", "--event", "Lunch", "--match", "1=new", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "1\n1\t4\tnew\tmaria rossi\t-\t--match\n");
  g_assert_cmpint (count (f, "SELECT count (*) FROM people"), ==, 4);
  /* The same event (that day) every time. */
  g_assert_cmpint (count (f, "SELECT count (*) FROM events"), ==, 1);
}

static void
test_capture_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add_person (f, "Robert Haddad", "Blue Harbor Insurance");
  before = snapshot (f);

  /* Every problem of every line is told, and nothing is saved. */
  g_assert_cmpint (run (f, UX_LINES "Chen Wei !someday\n#tagonly\nZoe (Salons\n",
                        "capture", "--event", "Chamber breakfast", NULL), ==, 1);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_nonnull (strstr (f->err, "line 3: “someday” is not a date"));
  g_assert_nonnull (strstr (f->err, "line 4: Start the line with the person’s name."));
  g_assert_nonnull (strstr (f->err, "line 5: A “(” is not closed"));
  g_assert_null (strstr (f->err, "line 1"));

  /* Nothing to capture. */
  g_assert_cmpint (run (f, "", "capture", "--event", "Chamber breakfast", NULL), ==, 1);
  g_assert_cmpint (run (f, "\n  \n\n", "capture", "--event", "Chamber breakfast", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "Nothing to capture"));

  /* Not UTF-8. */
  g_assert_cmpint (run (f, "Bob \xff\n", "capture", "--event", "Chamber breakfast", NULL), ==, 1);

  /* A person chosen with --match who does not exist. */
  g_assert_cmpint (run (f, UX_LINES, "capture", "--event", "Chamber breakfast", "--match", "2=99", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "line 2: "));

  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_capture_usage (Fixture       *f,
                    gconstpointer  data)
{
  g_assert_cmpint (run (f, UX_LINES, "capture", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "--event"));
  g_assert_cmpint (run (f, UX_LINES, "capture", "--event", "  ", NULL), ==, 2);
  g_assert_cmpint (run (f, UX_LINES, "capture", "--event", "X", "extra", NULL), ==, 2);
  g_assert_cmpint (run (f, UX_LINES, "capture", "--event", "X", "--match", "two=1", NULL), ==, 2);
  g_assert_cmpint (run (f, UX_LINES, "capture", "--event", "X", "--match", "1", NULL), ==, 2);
  g_assert_cmpint (run (f, UX_LINES, "capture", "--event", "X", "--match", "1=-3", NULL), ==, 2);
  g_assert_cmpint (run (f, UX_LINES, "capture", "--event", "X", "--match", "9=1", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "no line 9"));
  g_assert_cmpint (run (f, UX_LINES, "capture", "--event", "X", "--date", "2026-02-30", NULL), ==, 1);
  g_assert_cmpint (run (f, UX_LINES, "capture", "--event", "X\xff", NULL), ==, 1);
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run (f, NULL, "capture", "--help", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Usage:\n  netbook-cli capture "));
  g_assert_nonnull (strstr (f->out, "--dry-run"));
  g_assert_nonnull (strstr (f->out, "--match"));
  g_assert_cmpint (run (f, NULL, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "\n  capture "));
}

/* The real binary, reading a real pipe. */
static void
test_capture_binary (Fixture       *f,
                     gconstpointer  data)
{
  const char *cli = g_getenv ("NETBOOK_CLI");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("NETBOOK_CLI is not set");
      return;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "NETBOOK_TODAY", TODAY, TRUE);
  g_subprocess_launcher_setenv (launcher, "NETBOOK_DB", f->db, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, cli, "capture", "--event", "Chamber breakfast", NULL);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, UX_LINES, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_cmpstr (out, ==,
                   "1\n"
                   "1\t1\tnew\tBob Haddad\t2026-11-27\t\n"
                   "2\t2\tnew\tPriya Raghunathan\t-\t\n");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("NETBOOK_TODAY", TODAY, TRUE);
  g_unsetenv ("NETBOOK_DB");

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/capture/saves", test_capture_saves);
  ADD ("/cli/capture/date-and-escaping", test_capture_date_and_escaping);
  ADD ("/cli/capture/dry-run", test_capture_dry_run);
  ADD ("/cli/capture/ambiguous", test_capture_ambiguous);
  ADD ("/cli/capture/refused", test_capture_refused);
  ADD ("/cli/capture/usage", test_capture_usage);
  ADD ("/cli/capture/binary", test_capture_binary);
#undef ADD

  return g_test_run ();
}
