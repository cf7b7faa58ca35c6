/* test-cli.c: netbook-cli's public interface.
 *
 * Most tests run the commands in-process through nb_cli_run() with memory
 * streams; the last ones run the real binary ($NETBOOK_CLI) for exit
 * statuses, NETBOOK_DB, standard input and --help.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "nb-cli.h"
#include "nb-date.h"
#include "nb-store.h"

#define TODAY "2024-05-15"

/* The commands, for the tests that must cover every one. */
static const char * const all_commands[] = {
  "add", "list", "show", "note", "log", "done", "status", "followups",
  "trust", "brief", "search", "backup", "set", "edit", "delete-entry",
  "profile", "tags", "help", NULL
};

static const char * const all_kinds[] = {
  "conversation", "meeting", "note", "dream", "challenge", "need",
  "help-given", "help-received", "referral-given", "referral-received",
  "introduction", "follow-up", NULL
};

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
  name = g_strdup_printf ("cli-%u.db", ++counter);
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
  /* Outputs never hold NUL bytes. */
  g_assert_cmpuint (strlen (data), ==, size);

  return data;
}

/* Runs netbook-cli [--db f->db] ARGS with @input on standard input. */
static int
run_argv (Fixture            *f,
          const char         *input,
          gsize               input_len,
          gboolean            with_db,
          const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GOutputStream) err = NULL;
  int status;

  g_ptr_array_add (argv, (char *) "netbook-cli");
  if (with_db)
    {
      g_ptr_array_add (argv, (char *) "--db");
      g_ptr_array_add (argv, f->db);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  in = g_memory_input_stream_new_from_data (input != NULL ? input : "", input_len, NULL);
  out = g_memory_output_stream_new_resizable ();
  err = g_memory_output_stream_new_resizable ();

  status = nb_cli_run ((int) argv->len - 1, (char **) argv->pdata, in, out, err);

  g_free (f->out);
  g_free (f->err);
  f->out = steal_output (out);
  f->err = steal_output (err);

  if (status == 0)
    g_assert_cmpstr (f->err, ==, "");

  return status;
}

static int
run_va (Fixture    *f,
        const char *input,
        gboolean    with_db,
        const char *first,
        va_list     args)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  const char *arg;

  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (list, (char *) arg);
  g_ptr_array_add (list, NULL);

  return run_argv (f, input, input != NULL ? strlen (input) : 0, with_db,
                   (const char * const *) list->pdata);
}

static int cli (Fixture *f, const char *first, ...) G_GNUC_NULL_TERMINATED;
static int cli_in (Fixture *f, const char *input, const char *first, ...) G_GNUC_NULL_TERMINATED;
static int cli_nodb (Fixture *f, const char *first, ...) G_GNUC_NULL_TERMINATED;

static int
cli (Fixture    *f,
     const char *first,
     ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = run_va (f, NULL, TRUE, first, args);
  va_end (args);

  return status;
}

static int
cli_in (Fixture    *f,
        const char *input,
        const char *first,
        ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = run_va (f, input, TRUE, first, args);
  va_end (args);

  return status;
}

static int
cli_nodb (Fixture    *f,
          const char *first,
          ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = run_va (f, NULL, FALSE, first, args);
  va_end (args);

  return status;
}

#define CHECK(f, expected, call) \
  G_STMT_START { \
    int status_ = (call); \
    if (status_ != (expected)) \
      g_test_message ("stdout: %s\nstderr: %s", (f)->out, (f)->err); \
    g_assert_cmpint (status_, ==, (expected)); \
  } G_STMT_END

#define OK(f, ...) CHECK (f, 0, cli (f, __VA_ARGS__, NULL))
#define FAILS(f, expected, ...) CHECK (f, expected, cli (f, __VA_ARGS__, NULL))

/* The id a command printed. */
static gint64
printed_id (Fixture *f)
{
  char *end = NULL;
  gint64 id;

  g_assert_true (g_str_has_suffix (f->out, "\n"));
  id = g_ascii_strtoll (f->out, &end, 10);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (end, ==, "\n");

  return id;
}

static char *
id_str (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static gint64
add_person (Fixture    *f,
            const char *name)
{
  OK (f, "add", name);
  return printed_id (f);
}

/* Adds an entry with `log` and returns its id as a string. */
static char *
log_entry (Fixture    *f,
           const char *person,
           const char *kind,
           const char *text,
           const char *option,
           const char *value)
{
  if (option != NULL)
    OK (f, "log", person, kind, text, option, value);
  else
    OK (f, "log", person, kind, text);

  return id_str (printed_id (f));
}

static char **
lines_of (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  /* Every output ends with a newline: drop the empty last piece. */
  if (n > 0 && *lines[n - 1] == '\0')
    {
      g_free (lines[n - 1]);
      lines[n - 1] = NULL;
    }

  return g_steal_pointer (&lines);
}

/* The timeline part of `show` (after the first empty line). */
static char **
timeline_of (const char *show)
{
  const char *sep = strstr (show, "\n\n");

  g_assert_nonnull (sep);
  return lines_of (sep + 2);
}

/* The card part of `show`. */
static char *
card_of (const char *show)
{
  const char *sep = strstr (show, "\n\n");

  g_assert_nonnull (sep);
  return g_strndup (show, sep - show + 1);
}

/* Every row of every table, to prove a refused command wrote nothing. */
static char *
db_dump (const char *path)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master "
                                           "WHERE type = 'table' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_string_append_printf (dump, "%s\n", (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\"", (char *) g_ptr_array_index (tables, i));

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_free (sql);
      g_string_append_printf (dump, "== %s\n", (char *) g_ptr_array_index (tables, i));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *value = (const char *) sqlite3_column_text (stmt, c);

              g_string_append_printf (dump, "%s|", value != NULL ? value : "<null>");
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

/* ---- program ------------------------------------------------------------ */

static void
test_version (Fixture       *f,
              gconstpointer  data)
{
  CHECK (f, 0, cli_nodb (f, "--version", NULL));
  g_assert_cmpstr (f->out, ==, "netbook-cli " PACKAGE_VERSION "\n");
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_program_help (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *help = NULL;

  CHECK (f, 0, cli_nodb (f, "--help", NULL));
  g_assert_true (g_str_has_prefix (f->out, "Usage:\n  netbook-cli "));
  for (guint i = 0; all_commands[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", all_commands[i]);

      g_assert_nonnull (strstr (f->out, line));
    }
  g_assert_nonnull (strstr (f->out, "--db"));
  g_assert_nonnull (strstr (f->out, "--version"));
  help = g_strdup (f->out);

  CHECK (f, 0, cli_nodb (f, "-h", NULL));
  g_assert_cmpstr (f->out, ==, help);
  OK (f, "help");
  g_assert_cmpstr (f->out, ==, help);
  /* Help wins over anything else, and never touches the database. */
  CHECK (f, 0, cli_nodb (f, "--bogus", "--help", NULL));
  g_assert_cmpstr (f->out, ==, help);
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_command_help (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; all_commands[i] != NULL; i++)
    {
      g_autofree char *usage = g_strdup_printf ("Usage:\n  netbook-cli %s ", all_commands[i]);
      g_autofree char *help = NULL;

      OK (f, all_commands[i], "--help");
      g_assert_true (g_str_has_prefix (f->out, usage));
      g_assert_nonnull (strstr (f->out, "--db"));
      help = g_strdup (f->out);

      OK (f, all_commands[i], "-h");
      g_assert_cmpstr (f->out, ==, help);
      /* Even with arguments that would be refused. */
      OK (f, all_commands[i], "--no-such-option", "--help");
      g_assert_cmpstr (f->out, ==, help);
      OK (f, "help", all_commands[i]);
      g_assert_cmpstr (f->out, ==, help);
    }

  OK (f, "add", "--help");
  for (guint i = 0; i < 11; i++)
    {
      static const char * const options[] = {
        "--company", "--role", "--email", "--phone", "--tag", "--industry",
        "--location", "--url", "--met", "--met-where", "--cadence",
      };

      g_assert_nonnull (strstr (f->out, options[i]));
    }

  OK (f, "log", "--help");
  for (guint i = 0; all_kinds[i] != NULL; i++)
    g_assert_nonnull (strstr (f->out, all_kinds[i]));
  g_assert_nonnull (strstr (f->out, "--with"));
  g_assert_nonnull (strstr (f->out, "--due"));

  OK (f, "set", "--help");
  g_assert_nonnull (strstr (f->out, "target_market"));
  g_assert_nonnull (strstr (f->out, "cadence_days"));

  /* "--" ends the options: --help is then text. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
  add_person (f, "Bob");
  OK (f, "note", "Bob", "--", "--help");
  OK (f, "show", "Bob");
  g_assert_nonnull (strstr (f->out, "\tnote\t-\t-\t--help\n"));

  FAILS (f, 2, "help", "bogus");
  FAILS (f, 2, "help", "add", "list");
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  FAILS (f, 2, "bogus");
  g_assert_true (g_str_has_prefix (f->err, "netbook-cli: "));
  g_assert_nonnull (strstr (f->err, "bogus"));
  g_assert_nonnull (strstr (f->err, "--help"));
  g_assert_cmpstr (f->out, ==, "");

  CHECK (f, 2, cli_nodb (f, NULL, NULL));
  g_assert_nonnull (strstr (f->err, "--help"));
  CHECK (f, 2, cli_nodb (f, "--bogus", "list", NULL));
  CHECK (f, 2, cli_nodb (f, "--db", NULL));
  CHECK (f, 2, cli_nodb (f, "--db", "", "list", NULL));
  CHECK (f, 2, cli_nodb (f, "list", "--db", "", NULL));

  FAILS (f, 2, "add");
  g_assert_nonnull (strstr (f->err, "netbook-cli add --help"));
  FAILS (f, 2, "add", "Bob", "--bogus");
  FAILS (f, 2, "add", "Bob", "Smith");
  g_assert_nonnull (strstr (f->err, "quotes"));
  FAILS (f, 2, "add", "Bob", "--company");
  FAILS (f, 2, "list", "extra");
  FAILS (f, 2, "show");
  FAILS (f, 2, "note", "Bob");
  FAILS (f, 2, "note", "Bob", "a", "b");
  FAILS (f, 2, "log", "Bob", "note");
  FAILS (f, 2, "done");
  FAILS (f, 2, "done", "abc");
  FAILS (f, 2, "done", "0");
  FAILS (f, 2, "done", "-5");
  FAILS (f, 2, "status", "1");
  FAILS (f, 2, "followups", "x");
  FAILS (f, 2, "trust");
  FAILS (f, 2, "brief");
  FAILS (f, 2, "search");
  FAILS (f, 2, "backup");
  FAILS (f, 2, "set", "Bob", "company");
  FAILS (f, 2, "edit");
  FAILS (f, 2, "delete-entry");
  FAILS (f, 2, "profile", "x");
  FAILS (f, 2, "tags", "x");

  /* Usage errors never create the database. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  /* Errors go to stderr with the program's name. */
  FAILS (f, 1, "add", "   ");
  g_assert_true (g_str_has_prefix (f->err, "netbook-cli: "));
  g_assert_cmpstr (f->out, ==, "");
}

static void
test_db_option (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *other = g_strconcat (f->db, ".other.db", NULL);
  g_autofree char *env_db = g_strconcat (f->db, ".env.db", NULL);

  /* --db after the command too. */
  CHECK (f, 0, cli_nodb (f, "add", "Ann", "--db", other, NULL));
  CHECK (f, 0, cli_nodb (f, "list", "--db", other, NULL));
  g_assert_nonnull (strstr (f->out, "\tAnn\t"));
  CHECK (f, 0, cli_nodb (f, "--db", other, "list", NULL));
  g_assert_nonnull (strstr (f->out, "\tAnn\t"));
  OK (f, "list");
  g_assert_cmpstr (f->out, ==, "");

  /* NETBOOK_DB, which --db overrides. */
  g_setenv ("NETBOOK_DB", env_db, TRUE);
  CHECK (f, 0, cli_nodb (f, "add", "Eve", NULL));
  CHECK (f, 0, cli_nodb (f, "list", NULL));
  g_assert_nonnull (strstr (f->out, "\tEve\t"));
  g_assert_null (strstr (f->out, "Ann"));
  CHECK (f, 0, cli_nodb (f, "--db", other, "list", NULL));
  g_assert_null (strstr (f->out, "Eve"));
  g_unsetenv ("NETBOOK_DB");
  g_assert_true (g_file_test (env_db, G_FILE_TEST_EXISTS));

  /* A database that cannot be opened is an error (1), not a crash. */
  g_assert_true (g_file_set_contents (other, "not a database, just text\n", -1, NULL));
  CHECK (f, 1, cli_nodb (f, "--db", other, "list", NULL));
  g_assert_true (g_str_has_prefix (f->err, "netbook-cli: "));
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (other, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "not a database, just text\n");
  }
}

/* ---- people ------------------------------------------------------------ */

static void
test_add_and_show (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *card = NULL;
  g_auto(GStrv) timeline = NULL;
  gint64 id;
  g_autofree char *expected = NULL;

  OK (f, "add", "Zoë Ångström",
      "--company", "Acme Bakery",
      "--role", "Baker",
      "--email", "zoe@example.org", "--email", "z@acme.example",
      "--phone", "+44 20 7946 0000",
      "--tag", "bakers", "--tag", "london,clients",
      "--industry", "Food",
      "--location", "London",
      "--url", "https://acme.example",
      "--met", "2024-03-01",
      "--met-where", "Chamber breakfast",
      "--cadence", "30");
  id = printed_id (f);

  OK (f, "show", "Zoë Ångström");
  card = card_of (f->out);
  expected = g_strdup_printf ("id: %" G_GINT64_FORMAT "\n"
                              "display_name: Zoë Ångström\n"
                              "company: Acme Bakery\n"
                              "role: Baker\n"
                              "industry: Food\n"
                              "location: London\n"
                              "emails: zoe@example.org\n"
                              "  z@acme.example\n"
                              "phones: +44 20 7946 0000\n"
                              "urls: https://acme.example\n"
                              "met_date: 2024-03-01\n"
                              "met_where: Chamber breakfast\n"
                              "tags: bakers, clients, london\n"
                              "cadence_days: 30\n",
                              id);
  g_assert_cmpstr (card, ==, expected);
  timeline = timeline_of (f->out);
  g_assert_cmpuint (g_strv_length (timeline), ==, 0);

  /* By id, the same. */
  {
    g_autofree char *spec = id_str (id);
    g_autofree char *by_name = g_strdup (f->out);

    OK (f, "show", spec);
    g_assert_cmpstr (f->out, ==, by_name);
  }

  /* Only the name: just id and name, then the empty line. */
  id = add_person (f, "Bob");
  OK (f, "show", "Bob");
  g_free (expected);
  expected = g_strdup_printf ("id: %" G_GINT64_FORMAT "\ndisplay_name: Bob\n\n", id);
  g_assert_cmpstr (f->out, ==, expected);

  /* Refused values. */
  FAILS (f, 1, "add", "");
  FAILS (f, 1, "add", "Carl", "--met", "2024-02-30");
  g_assert_nonnull (strstr (f->err, "2024-02-30"));
  FAILS (f, 1, "add", "Carl", "--met", "yesterday");
  FAILS (f, 1, "add", "Carl", "--cadence", "often");
  g_assert_nonnull (strstr (f->err, "--cadence"));
  FAILS (f, 1, "add", "Carl", "--cadence", "-3");
  FAILS (f, 1, "add", "Carl", "--cadence", "99999999");
  OK (f, "list");
  g_assert_null (strstr (f->out, "Carl"));
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *expected = NULL;
  gint64 zoe, bob, ann;

  OK (f, "list");
  g_assert_cmpstr (f->out, ==, "");

  zoe = add_person (f, "Zoë Ångström");
  OK (f, "add", "Bob Brown", "--company", "Brown & Sons", "--tag", "clients");
  bob = printed_id (f);
  OK (f, "add", "Ann Archer", "--tag", "clients,friends");
  ann = printed_id (f);

  OK (f, "list");
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "\tAnn Archer\t\n"
                              "%" G_GINT64_FORMAT "\tBob Brown\tBrown & Sons\n"
                              "%" G_GINT64_FORMAT "\tZoë Ångström\t\n",
                              ann, bob, zoe);
  g_assert_cmpstr (f->out, ==, expected);

  OK (f, "list", "--tag", "clients");
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "\tAnn Archer\t\n"
                              "%" G_GINT64_FORMAT "\tBob Brown\tBrown & Sons\n",
                              ann, bob);
  g_assert_cmpstr (f->out, ==, expected);

  OK (f, "list", "--tag", "nobody");
  g_assert_cmpstr (f->out, ==, "");

  /* Archived people are hidden unless asked for. */
  OK (f, "set", "Bob", "archived", "yes");
  OK (f, "list");
  g_assert_null (strstr (f->out, "Bob"));
  OK (f, "list", "--archived");
  g_assert_nonnull (strstr (f->out, "\tBob Brown\t"));
  OK (f, "list", "--archived", "--tag", "clients");
  g_assert_cmpstr (f->out, ==, expected);
}

static void
test_resolve_person (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *zoe = NULL;
  g_autofree char *expected = NULL;
  gint64 bob1, bob2;

  zoe = id_str (add_person (f, "Zoë Ångström"));
  OK (f, "add", "Bob Smith", "--company", "Smith Ltd");
  bob1 = printed_id (f);
  OK (f, "add", "Bob Jones", "--company", "Jones\tand\tCo");
  bob2 = printed_id (f);

  /* Case- and accent-insensitive. */
  OK (f, "show", "zoe angstrom");
  g_assert_nonnull (strstr (f->out, "display_name: Zoë Ångström\n"));
  OK (f, "show", "ZOË ÅNGSTRÖM");
  g_assert_nonnull (strstr (f->out, "display_name: Zoë Ångström\n"));
  OK (f, "note", "zoe", "found by a prefix");

  /* Ambiguous: 2, the candidates on stderr, escaped like any TSV. */
  FAILS (f, 2, "show", "bob");
  g_assert_cmpstr (f->out, ==, "");
  g_assert_true (g_str_has_prefix (f->err, "netbook-cli: "));
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "\tBob Smith\tSmith Ltd\n", bob1);
  g_assert_nonnull (strstr (f->err, expected));
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "\tBob Jones\tJones\\tand\\tCo\n", bob2);
  g_assert_nonnull (strstr (f->err, expected));

  /* Every command taking PERSON resolves the same way. */
  FAILS (f, 2, "note", "bob", "text");
  FAILS (f, 2, "log", "bob", "meeting", "text");
  FAILS (f, 2, "log", "zoe", "introduction", "text", "--with", "bob");
  FAILS (f, 2, "trust", "bob");
  FAILS (f, 2, "brief", "bob");
  FAILS (f, 2, "set", "bob", "company", "X");
  FAILS (f, 2, "set", "zoe", "introduced_by", "bob");

  /* Unknown: 2, with similar names if any. */
  FAILS (f, 2, "show", "Nobody Atall");
  g_assert_true (g_str_has_prefix (f->err, "netbook-cli: "));
  FAILS (f, 2, "show", "999999");
  FAILS (f, 2, "note", "Nobody Atall", "text");

  /* Unknown as a name but found by search: offered as candidates. */
  FAILS (f, 2, "show", "Smith Ltd");
  g_assert_cmpstr (f->out, ==, "");
  g_free (expected);
  expected = g_strdup_printf ("\n%" G_GINT64_FORMAT "\tBob Smith\tSmith Ltd\n", bob1);
  g_assert_nonnull (strstr (f->err, expected));
  g_assert_null (strstr (f->err, "Bob Jones"));

  /* Full name beats prefix. */
  OK (f, "show", "bob smith");
  g_assert_nonnull (strstr (f->out, "display_name: Bob Smith\n"));
}

static void
test_set (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *ann = NULL;

  ann = id_str (add_person (f, "Ann"));
  add_person (f, "Bob");

  OK (f, "set", "Ann", "target_market", "Small bakeries\nand cafés");
  OK (f, "set", "Ann", "company", "Archer & Co");
  OK (f, "set", "Ann", "emails", "a@example.org\nann@example.org");
  OK (f, "set", "Ann", "birthday", "1980-02-29");
  OK (f, "set", "Ann", "met_date", "2024-01-10");
  OK (f, "set", "Ann", "tags", " vip , friends,, ");
  OK (f, "set", "Ann", "cadence_days", "14");
  OK (f, "set", "Ann", "rapport", "4");
  OK (f, "set", "Ann", "introduced_by", "Bob");
  OK (f, "show", ann);
  g_assert_nonnull (strstr (f->out, "target_market: Small bakeries\n  and cafés\n"));
  g_assert_nonnull (strstr (f->out, "company: Archer & Co\n"));
  g_assert_nonnull (strstr (f->out, "emails: a@example.org\n  ann@example.org\n"));
  g_assert_nonnull (strstr (f->out, "birthday: 1980-02-29\n"));
  g_assert_nonnull (strstr (f->out, "met_date: 2024-01-10\n"));
  g_assert_nonnull (strstr (f->out, "tags: friends, vip\n"));
  g_assert_nonnull (strstr (f->out, "cadence_days: 14\n"));
  g_assert_nonnull (strstr (f->out, "rapport: 4\n"));
  g_assert_nonnull (strstr (f->out, "introduced_by: "));
  g_assert_nonnull (strstr (f->out, " (Bob)\n"));
  g_assert_null (strstr (f->out, "archived"));

  /* Every field key is accepted. */
  for (int field = 0; field < NB_PERSON_N_FIELDS; field++)
    {
      const char *key = nb_person_field_get_key ((NbPersonField) field);
      g_autofree char *line = NULL;
      const char *value = "Some value";

      if (field == NB_PERSON_MET_DATE || field == NB_PERSON_BIRTHDAY)
        value = "2020-12-31";
      if (field == NB_PERSON_DISPLAY_NAME)
        value = "Ann";
      OK (f, "set", ann, key, value);
      OK (f, "show", ann);
      line = g_strdup_printf ("\n%s: %s\n", key, value);
      g_assert_nonnull (strstr (f->out, line));
    }

  /* Clearing. */
  OK (f, "set", "Ann", "company", "");
  OK (f, "set", "Ann", "tags", "");
  OK (f, "set", "Ann", "cadence_days", "0");
  OK (f, "set", "Ann", "rapport", "");
  OK (f, "set", "Ann", "introduced_by", "");
  OK (f, "set", "Ann", "birthday", "");
  OK (f, "show", "Ann");
  g_assert_null (strstr (f->out, "company:"));
  g_assert_null (strstr (f->out, "tags:"));
  g_assert_null (strstr (f->out, "cadence_days:"));
  g_assert_null (strstr (f->out, "rapport:"));
  g_assert_null (strstr (f->out, "introduced_by:"));
  g_assert_null (strstr (f->out, "birthday:"));

  /* Renaming. */
  OK (f, "set", "Ann", "display_name", "Ann Archer");
  OK (f, "show", ann);
  g_assert_nonnull (strstr (f->out, "display_name: Ann Archer\n"));

  /* Archiving. */
  OK (f, "set", "Ann", "archived", "yes");
  OK (f, "show", ann);
  g_assert_nonnull (strstr (f->out, "\narchived: yes\n"));
  OK (f, "set", ann, "archived", "no");
  OK (f, "show", ann);
  g_assert_null (strstr (f->out, "archived"));
  OK (f, "set", ann, "archived", "true");
  OK (f, "set", ann, "archived", "0");

  /* Refused. */
  {
    g_autofree char *before = db_dump (f->db);
    g_autofree char *after = NULL;

    FAILS (f, 2, "set", "Ann", "shoe_size", "42");
    g_assert_nonnull (strstr (f->err, "target_market"));
    FAILS (f, 1, "set", "Ann", "display_name", "");
    FAILS (f, 1, "set", "Ann", "display_name", "  ");
    FAILS (f, 1, "set", "Ann", "birthday", "2023-02-29");
    g_assert_nonnull (strstr (f->err, "2023-02-29"));
    FAILS (f, 1, "set", "Ann", "cadence_days", "weekly");
    FAILS (f, 1, "set", "Ann", "rapport", "6");
    FAILS (f, 1, "set", "Ann", "archived", "maybe");
    FAILS (f, 1, "set", "Ann", "introduced_by", "Ann Archer");
    FAILS (f, 2, "set", "Ann", "introduced_by", "Nobody Atall");
    FAILS (f, 2, "set", "Nobody Atall", "company", "X");
    after = db_dump (f->db);
    g_assert_cmpstr (before, ==, after);
  }
}

/* ---- entries ------------------------------------------------------------- */

static void
test_note (Fixture       *f,
           gconstpointer  data)
{
  g_auto(GStrv) timeline = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id2 = NULL;
  g_autofree char *expected = NULL;

  add_person (f, "Bob");
  OK (f, "note", "Bob", "Likes sailing");
  id = id_str (printed_id (f));

  CHECK (f, 0, cli_in (f, "Read from\nstandard input\n\n", "note", "Bob", "-", NULL));
  id2 = id_str (printed_id (f));

  OK (f, "show", "Bob");
  timeline = timeline_of (f->out);
  g_assert_cmpuint (g_strv_length (timeline), ==, 2);
  /* Same date: the newer id first. */
  expected = g_strdup_printf ("%s\t" TODAY "\tnote\t-\t-\tRead from\\nstandard input", id2);
  g_assert_cmpstr (timeline[0], ==, expected);
  g_free (expected);
  expected = g_strdup_printf ("%s\t" TODAY "\tnote\t-\t-\tLikes sailing", id);
  g_assert_cmpstr (timeline[1], ==, expected);

  FAILS (f, 1, "note", "Bob", "");
  FAILS (f, 1, "note", "Bob", " \n ");
  CHECK (f, 1, cli_in (f, "\n", "note", "Bob", "-", NULL));
  OK (f, "show", "Bob");
  g_strfreev (timeline);
  timeline = timeline_of (f->out);
  g_assert_cmpuint (g_strv_length (timeline), ==, 2);
}

static const char *
kind_option (const char  *kind,
             const char **value)
{
  if (g_str_equal (kind, "introduction"))
    {
      *value = "Carol";
      return "--with";
    }
  if (g_str_equal (kind, "follow-up"))
    {
      *value = "2024-06-01";
      return "--due";
    }

  *value = NULL;
  return NULL;
}

static void
test_log_every_kind (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(GStrv) timeline = NULL;
  g_autofree char *carol = NULL;
  guint n = 0;

  add_person (f, "Bob");
  carol = id_str (add_person (f, "Carol"));

  for (guint i = 0; all_kinds[i] != NULL; i++)
    {
      g_autofree char *text = g_strdup_printf ("about %s", all_kinds[i]);
      g_autofree char *date = g_strdup_printf ("2024-01-%02u", i + 1);
      const char *value;
      const char *option = kind_option (all_kinds[i], &value);

      if (option != NULL)
        OK (f, "log", "Bob", all_kinds[i], text, "--date", date, option, value);
      else
        OK (f, "log", "Bob", all_kinds[i], text, "--date", date);
      printed_id (f);
    }

  OK (f, "show", "Bob");
  timeline = timeline_of (f->out);
  g_assert_cmpuint (g_strv_length (timeline), ==, g_strv_length ((char **) all_kinds));

  /* Newest first: the last kind logged comes first. */
  for (int i = (int) g_strv_length ((char **) all_kinds) - 1; i >= 0; i--)
    {
      g_auto(GStrv) fields = g_strsplit (timeline[n++], "\t", -1);
      g_autofree char *date = g_strdup_printf ("2024-01-%02d", i + 1);
      g_autofree char *text = g_strdup_printf ("about %s", all_kinds[i]);
      const char *kind = all_kinds[i];
      gboolean has_status = g_str_equal (kind, "dream") || g_str_equal (kind, "challenge") ||
                            g_str_equal (kind, "need") || g_str_equal (kind, "follow-up");

      g_assert_cmpuint (g_strv_length (fields), ==, 6);
      g_assert_cmpstr (fields[1], ==, date);
      g_assert_cmpstr (fields[2], ==, kind);
      g_assert_cmpstr (fields[3], ==, has_status ? "open" : "-");
      g_assert_cmpstr (fields[4], ==, g_str_equal (kind, "follow-up") ? "2024-06-01" : "-");
      if (g_str_equal (kind, "introduction"))
        {
          g_autofree char *intro = g_strdup_printf ("→ Carol: %s", text);

          g_assert_cmpstr (fields[5], ==, intro);
        }
      else
        g_assert_cmpstr (fields[5], ==, text);
    }

  /* The introduction is on Carol's timeline too, naming Bob. */
  OK (f, "show", carol);
  g_strfreev (timeline);
  timeline = timeline_of (f->out);
  g_assert_cmpuint (g_strv_length (timeline), ==, 1);
  g_assert_true (g_str_has_suffix (timeline[0], "\tintroduction\t-\t-\t→ Bob: about introduction"));

  /* An introduction without text. */
  OK (f, "log", "Carol", "introduction", "", "--with", "Bob");
  OK (f, "show", "Carol");
  g_assert_nonnull (strstr (f->out, "\tintroduction\t-\t-\t→ Bob\n"));

  /* Without --date: today. */
  OK (f, "log", "Bob", "meeting", "Coffee");
  OK (f, "show", "Bob");
  g_assert_nonnull (strstr (f->out, "\t" TODAY "\tmeeting\t-\t-\tCoffee\n"));
}

static void
test_log_refused (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add_person (f, "Bob");
  add_person (f, "Carol");
  before = db_dump (f->db);

  /* Usage errors: 2. */
  FAILS (f, 2, "log", "Bob", "lunch", "text");
  g_assert_nonnull (strstr (f->err, "help-received"));
  FAILS (f, 2, "log", "Bob", "Meeting", "text");
  FAILS (f, 2, "log", "Bob", "introduction", "text");
  g_assert_nonnull (strstr (f->err, "--with"));
  FAILS (f, 2, "log", "Bob", "note", "text", "--with", "Carol");
  FAILS (f, 2, "log", "Bob", "follow-up", "text");
  g_assert_nonnull (strstr (f->err, "--due"));
  FAILS (f, 2, "log", "Bob", "meeting", "text", "--due", "2024-06-01");
  FAILS (f, 2, "log", "Bob", "introduction", "text", "--with", "Nobody Atall");

  /* Refused values: 1. */
  FAILS (f, 1, "log", "Bob", "meeting", "text", "--date", "2024-02-30");
  g_assert_true (g_str_has_prefix (f->err, "netbook-cli: "));
  g_assert_nonnull (strstr (f->err, "2024-02-30"));
  FAILS (f, 1, "log", "Bob", "meeting", "text", "--date", "15/05/2024");
  FAILS (f, 1, "log", "Bob", "follow-up", "text", "--due", "2024-13-01");
  FAILS (f, 1, "log", "Bob", "introduction", "text", "--with", "Bob");

  after = db_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_statuses (Fixture       *f,
               gconstpointer  data)
{
  static const char * const with_status[] = { "dream", "challenge", "need", NULL };
  static const char * const outcomes[] = { "helped", "achieved", "resolved", "open", NULL };
  g_autofree char *followup = NULL;
  g_autofree char *note = NULL;
  g_autofree char *meeting = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add_person (f, "Bob");

  for (guint k = 0; with_status[k] != NULL; k++)
    {
      g_autofree char *id = log_entry (f, "Bob", with_status[k], "something", NULL, NULL);

      for (guint s = 0; outcomes[s] != NULL; s++)
        {
          g_autofree char *line = NULL;

          OK (f, "status", id, outcomes[s]);
          g_assert_cmpstr (f->out, ==, "");
          OK (f, "show", "Bob");
          line = g_strdup_printf ("%s\t" TODAY "\t%s\t%s\t-\tsomething\n", id, with_status[k], outcomes[s]);
          g_assert_nonnull (strstr (f->out, line));
        }

      /* done is for follow-ups; it points at status. */
      before = db_dump (f->db);
      FAILS (f, 1, "done", id);
      g_assert_nonnull (strstr (f->err, "status"));
      g_assert_nonnull (strstr (f->err, "resolved"));
      FAILS (f, 1, "status", id, "done");
      after = db_dump (f->db);
      g_assert_cmpstr (before, ==, after);
      g_clear_pointer (&before, g_free);
      g_clear_pointer (&after, g_free);
    }

  followup = log_entry (f, "Bob", "follow-up", "Send the brochure", "--due", "2024-05-20");
  OK (f, "done", followup);
  g_assert_cmpstr (f->out, ==, "");
  OK (f, "show", "Bob");
  g_assert_nonnull (strstr (f->out, "\tfollow-up\tdone\t2024-05-20\tSend the brochure\n"));
  /* Done twice is fine. */
  OK (f, "done", followup);
  OK (f, "status", followup, "open");
  OK (f, "show", "Bob");
  g_assert_nonnull (strstr (f->out, "\tfollow-up\topen\t2024-05-20\tSend the brochure\n"));
  OK (f, "status", followup, "done");
  OK (f, "show", "Bob");
  g_assert_nonnull (strstr (f->out, "\tfollow-up\tdone\t2024-05-20\tSend the brochure\n"));

  note = log_entry (f, "Bob", "note", "plain", NULL, NULL);
  meeting = log_entry (f, "Bob", "meeting", "lunch", NULL, NULL);

  before = db_dump (f->db);
  FAILS (f, 1, "status", followup, "helped");
  g_assert_nonnull (strstr (f->err, "done"));
  FAILS (f, 1, "status", followup, "achieved");
  FAILS (f, 1, "status", followup, "resolved");
  FAILS (f, 1, "done", note);
  g_assert_nonnull (strstr (f->err, "no status"));
  FAILS (f, 1, "status", note, "open");
  FAILS (f, 1, "status", meeting, "done");
  FAILS (f, 1, "done", "999999");
  FAILS (f, 1, "status", "999999", "open");
  FAILS (f, 2, "status", followup, "finished");
  g_assert_nonnull (strstr (f->err, "achieved"));
  FAILS (f, 2, "status", followup, "");
  FAILS (f, 2, "status", "x", "open");
  after = db_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_followups (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *f1 = NULL;
  g_autofree char *f2 = NULL;
  g_autofree char *f3 = NULL;
  g_autofree char *f4 = NULL;
  g_autofree char *expected = NULL;
  gint64 bob, zoe;

  OK (f, "followups");
  g_assert_cmpstr (f->out, ==, "");

  bob = add_person (f, "Bob");
  zoe = add_person (f, "Zoë Ångström");
  f1 = log_entry (f, "Bob", "follow-up", "Call back", "--due", "2024-05-20");
  f2 = log_entry (f, "Zoë", "follow-up", "Send\tthe\nlist", "--due", "2024-05-10");
  f3 = log_entry (f, "Bob", "follow-up", "Today's", "--due", TODAY);
  f4 = log_entry (f, "Bob", "follow-up", "Finished", "--due", "2024-05-01");
  g_free (log_entry (f, "Bob", "dream", "Not a follow-up", NULL, NULL));
  OK (f, "done", f4);

  OK (f, "followups");
  expected = g_strdup_printf ("%s\t2024-05-10\t%" G_GINT64_FORMAT "\tZoë Ångström\tSend\\tthe\\nlist\n"
                              "%s\t" TODAY "\t%" G_GINT64_FORMAT "\tBob\tToday's\n"
                              "%s\t2024-05-20\t%" G_GINT64_FORMAT "\tBob\tCall back\n",
                              f2, zoe, f3, bob, f1, bob);
  g_assert_cmpstr (f->out, ==, expected);

  /* Overdue: due before today. */
  OK (f, "followups", "--overdue");
  g_free (expected);
  expected = g_strdup_printf ("%s\t2024-05-10\t%" G_GINT64_FORMAT "\tZoë Ångström\tSend\\tthe\\nlist\n",
                              f2, zoe);
  g_assert_cmpstr (f->out, ==, expected);

  OK (f, "done", f2);
  OK (f, "followups", "--overdue");
  g_assert_cmpstr (f->out, ==, "");
}

static void
test_edit_and_delete (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *note = NULL;
  g_autofree char *followup = NULL;
  g_autofree char *line = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add_person (f, "Bob");
  note = log_entry (f, "Bob", "note", "first", NULL, NULL);
  followup = log_entry (f, "Bob", "follow-up", "call", "--due", "2024-06-01");

  OK (f, "edit", note, "--text", "second");
  g_assert_cmpstr (f->out, ==, "");
  OK (f, "edit", note, "--date", "2024-04-01");
  OK (f, "show", "Bob");
  line = g_strdup_printf ("%s\t2024-04-01\tnote\t-\t-\tsecond\n", note);
  g_assert_nonnull (strstr (f->out, line));

  CHECK (f, 0, cli_in (f, "from stdin\n", "edit", note, "--text", "-", NULL));
  OK (f, "edit", followup, "--due", "2024-07-01", "--text", "call again", "--date", "2024-05-02");
  OK (f, "show", "Bob");
  g_free (line);
  line = g_strdup_printf ("%s\t2024-05-02\tfollow-up\topen\t2024-07-01\tcall again\n", followup);
  g_assert_nonnull (strstr (f->out, line));
  g_free (line);
  line = g_strdup_printf ("%s\t2024-04-01\tnote\t-\t-\tfrom stdin\n", note);
  g_assert_nonnull (strstr (f->out, line));

  before = db_dump (f->db);
  FAILS (f, 2, "edit", note);
  g_assert_nonnull (strstr (f->err, "--text"));
  FAILS (f, 2, "edit", "abc", "--text", "x");
  FAILS (f, 1, "edit", note, "--date", "2024-02-30");
  FAILS (f, 1, "edit", note, "--date", "");
  FAILS (f, 1, "edit", followup, "--due", "2024-06-31");
  FAILS (f, 1, "edit", followup, "--due", "");
  FAILS (f, 1, "edit", "999999", "--text", "x");
  FAILS (f, 1, "edit", note, "--text", "\xff\xfe");
  after = db_dump (f->db);
  g_assert_cmpstr (before, ==, after);

  OK (f, "delete-entry", note);
  g_assert_cmpstr (f->out, ==, "");
  OK (f, "show", "Bob");
  g_assert_null (strstr (f->out, "from stdin"));
  FAILS (f, 1, "delete-entry", note);
  FAILS (f, 1, "delete-entry", "999999");
  FAILS (f, 2, "delete-entry", "x");
  OK (f, "delete-entry", followup);
  OK (f, "followups");
  g_assert_cmpstr (f->out, ==, "");
}

/* ---- trust, brief, search, backup, profile, tags --------------------------- */

static guint
score_of (const char *out,
          const char *key)
{
  g_autofree char *prefix = g_strdup_printf ("\n%s: ", key);
  const char *p = strstr (out, prefix);

  g_assert_nonnull (p);
  return (guint) g_ascii_strtoull (p + strlen (prefix), NULL, 10);
}

static void
check_trust_matches_core (Fixture    *f,
                          const char *name)
{
  g_autoptr(NbStore) store = NULL;
  g_autoptr(NbPerson) person = NULL;
  g_autoptr(NbTrust) trust = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *steps;
  const char *dims[] = { "know", "like", "trust" };

  OK (f, "trust", name);
  store = nb_store_open (f->db, &error);
  g_assert_no_error (error);
  person = nb_store_resolve_person (store, name, NULL, &error);
  g_assert_no_error (error);
  trust = nb_store_compute_trust (store, nb_person_get_id (person), NULL, &error);
  g_assert_no_error (error);

  for (int d = 0; d < NB_N_DIMENSIONS; d++)
    {
      GPtrArray *signals = nb_trust_get_signals (trust, (NbDimension) d);
      g_autofree char *header = g_strdup_printf ("\n\n%s signals:\n", dims[d]);

      g_assert_cmpuint (score_of (f->out, dims[d]), ==, nb_trust_get_score (trust, (NbDimension) d));
      g_assert_nonnull (strstr (f->out, header));
      for (guint i = 0; i < signals->len; i++)
        {
          NbSignal *signal = g_ptr_array_index (signals, i);
          g_autofree char *description = g_strdelimit (g_strdup (signal->description), "\r\n", ' ');
          g_autofree char *line = g_strdup_printf ("\n  %+d %s\n", signal->points, description);

          g_assert_nonnull (strstr (f->out, line));
        }
    }

  {
    g_autofree char *stage = g_strdup_printf ("\nstage: %s\n", nb_stage_to_string (nb_trust_get_stage (trust)));

    g_assert_nonnull (strstr (f->out, stage));
  }

  if (nb_trust_get_pitch_ok (trust))
    {
      g_assert_nonnull (strstr (f->out, "\npitch_ok: yes\n"));
      g_assert_null (strstr (f->out, "\nhint:"));
    }
  else
    {
      g_assert_nonnull (strstr (f->out, "\npitch_ok: no\nhint: Listen, don’t pitch yet\n"));
    }

  g_assert_nonnull (strstr (f->out, "\n\nnext steps:\n"));
  steps = nb_trust_get_next_steps (trust);
  for (guint i = 0; steps[i] != NULL; i++)
    {
      g_autofree char *step = g_strdelimit (g_strdup (steps[i]), "\r\n", ' ');
      g_autofree char *line = g_strdup_printf ("\n  - %s\n", step);

      g_assert_nonnull (strstr (f->out, line));
    }
}

static void
test_trust (Fixture       *f,
            gconstpointer  data)
{
  guint know;

  add_person (f, "Zoë Ångström");
  OK (f, "trust", "zoe");
  g_assert_true (g_str_has_prefix (f->out, "name: Zoë Ångström\nknow: "));
  g_assert_nonnull (strstr (f->out, "\npitch_ok: no\nhint: Listen, don’t pitch yet\n"));
  g_assert_nonnull (strstr (f->out, "\ndays_since_contact: never\n"));
  know = score_of (f->out, "know");
  check_trust_matches_core (f, "Zoë Ångström");

  OK (f, "set", "zoe", "target_market", "Cafés in Leeds");
  OK (f, "set", "zoe", "rapport", "5");
  OK (f, "set", "zoe", "cadence_days", "7");
  OK (f, "log", "zoe", "meeting", "1-to-1", "--date", "2024-03-01");
  OK (f, "log", "zoe", "help-received", "She sent me a lead", "--date", "2024-03-02");
  OK (f, "log", "zoe", "challenge", "Finding staff");
  OK (f, "log", "zoe", "follow-up", "Promised an\nintro", "--due", "2024-04-01");
  OK (f, "trust", "zoe");
  g_assert_cmpuint (score_of (f->out, "know"), >, know);
  g_assert_nonnull (strstr (f->out, "\ndays_since_contact: "));
  check_trust_matches_core (f, "Zoë Ångström");

  FAILS (f, 2, "trust", "nobody atall");
}

static void
check_briefing (Fixture    *f,
                const char *name,
                gboolean    markdown)
{
  g_autoptr(NbStore) store = NULL;
  g_autoptr(NbPerson) person = NULL;
  g_autoptr(NbBriefing) briefing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  store = nb_store_open (f->db, &error);
  g_assert_no_error (error);
  person = nb_store_resolve_person (store, name, NULL, &error);
  g_assert_no_error (error);
  briefing = nb_store_build_briefing (store, nb_person_get_id (person), NULL, &error);
  g_assert_no_error (error);
  expected = markdown ? nb_briefing_to_markdown (briefing) : nb_briefing_to_text (briefing);
  if (!g_str_has_suffix (expected, "\n"))
    {
      char *with_newline = g_strconcat (expected, "\n", NULL);

      g_free (expected);
      expected = with_newline;
    }
  g_assert_cmpstr (f->out, ==, expected);
}

static void
test_brief (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *bob = NULL;

  OK (f, "add", "<b>Bob</b> & \"Sons\"", "--company", "O'Brien & <i>Co</i>");
  bob = id_str (printed_id (f));
  OK (f, "log", bob, "dream", "Sail around the world");
  OK (f, "log", bob, "meeting", "Coffee at *Joe's*", "--date", "2024-05-01");
  OK (f, "log", bob, "follow-up", "Send the # list", "--due", "2024-05-10");

  OK (f, "brief", bob);
  g_assert_nonnull (strstr (f->out, "<b>Bob</b> & \"Sons\""));
  check_briefing (f, bob, FALSE);
  text = g_strdup (f->out);

  OK (f, "brief", bob, "--format", "text");
  g_assert_cmpstr (f->out, ==, text);

  OK (f, "brief", bob, "--format", "markdown");
  check_briefing (f, bob, TRUE);
  g_assert_cmpstr (f->out, !=, text);

  FAILS (f, 2, "brief", bob, "--format", "html");
  g_assert_nonnull (strstr (f->err, "markdown"));
  FAILS (f, 2, "brief", "Nobody Atall");
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 zoe, bob;

  zoe = add_person (f, "Zoë Ångström");
  OK (f, "add", "Bob Brown", "--company", "Sailmakers\tLtd");
  bob = printed_id (f);
  add_person (f, "Carol");
  OK (f, "note", "Carol", "Knows everyone at the yacht club");

  OK (f, "search", "angstrom");
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "\tZoë Ångström\t\n", zoe);
  g_assert_cmpstr (f->out, ==, expected);

  OK (f, "search", "ZOE");
  g_assert_cmpstr (f->out, ==, expected);

  OK (f, "search", "sailmakers");
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "\tBob Brown\tSailmakers\\tLtd\n", bob);
  g_assert_cmpstr (f->out, ==, expected);

  /* Into the notes. */
  OK (f, "search", "yacht");
  g_assert_nonnull (strstr (f->out, "\tCarol\t\n"));

  OK (f, "search", "nothing-like-this");
  g_assert_cmpstr (f->out, ==, "");

  add_person (f, "Bobby Tables");
  OK (f, "search", "bob");
  lines = lines_of (f->out);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  OK (f, "search", "bob", "--limit", "1");
  g_strfreev (lines);
  lines = lines_of (f->out);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);

  /* Query syntax is text, not a crash. */
  OK (f, "search", "\"unbalanced AND (OR *");
  OK (f, "search", "'; DROP TABLE people; --");

  FAILS (f, 2, "search", "");
  FAILS (f, 2, "search", "   ");
  FAILS (f, 1, "search", "x", "--limit", "some");
}

static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *backup = g_strconcat (f->db, ".backup", NULL);
  g_autofree char *list = NULL;
  g_autofree char *show = NULL;
  g_autofree char *original = NULL;
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  add_person (f, "Zoë Ångström");
  OK (f, "add", "Bob", "--company", "Acme");
  OK (f, "note", "Bob", "Backed up");
  OK (f, "list");
  list = g_strdup (f->out);
  OK (f, "show", "Bob");
  show = g_strdup (f->out);

  OK (f, "backup", backup);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  /* The copy opens, holds the same, and is a store of its own. */
  store = nb_store_open (backup, &error);
  g_assert_no_error (error);
  people = nb_store_list_people (store, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 2);
  g_clear_object (&store);

  CHECK (f, 0, cli_nodb (f, "--db", backup, "list", NULL));
  g_assert_cmpstr (f->out, ==, list);
  CHECK (f, 0, cli_nodb (f, "--db", backup, "show", "Bob", NULL));
  g_assert_cmpstr (f->out, ==, show);

  /* Replacing an older backup. */
  OK (f, "add", "Carol");
  OK (f, "backup", backup);
  CHECK (f, 0, cli_nodb (f, "--db", backup, "list", NULL));
  g_assert_nonnull (strstr (f->out, "\tCarol\t"));

  /* Never over the database itself. */
  original = db_dump (f->db);
  FAILS (f, 1, "backup", f->db);
  g_assert_true (g_str_has_prefix (f->err, "netbook-cli: "));
  {
    g_autofree char *after = db_dump (f->db);

    g_assert_cmpstr (after, ==, original);
  }

  /* A folder that does not exist. */
  {
    g_autofree char *nowhere = g_strconcat (f->db, ".missing/sub/backup.db", NULL);

    FAILS (f, 1, "backup", nowhere);
    g_assert_true (g_str_has_prefix (f->err, "netbook-cli: "));
  }
  FAILS (f, 2, "backup", "");
}

static void
test_profile (Fixture       *f,
              gconstpointer  data)
{
  OK (f, "profile");
  g_assert_cmpstr (f->out, ==, "");

  OK (f, "profile", "--offers", "Bookkeeping for bakeries\nand payroll");
  g_assert_cmpstr (f->out, ==, "");
  OK (f, "profile");
  g_assert_cmpstr (f->out, ==, "offers: Bookkeeping for bakeries\n  and payroll\n");

  OK (f, "profile", "--looking-for", "Introductions to café owners");
  OK (f, "profile");
  g_assert_cmpstr (f->out, ==, "offers: Bookkeeping for bakeries\n  and payroll\n"
                               "looking_for: Introductions to café owners\n");

  OK (f, "profile", "--offers", "Tax returns", "--looking-for", "");
  OK (f, "profile");
  g_assert_cmpstr (f->out, ==, "offers: Tax returns\n");

  FAILS (f, 1, "profile", "--offers", "\xc3\x28");
  OK (f, "profile");
  g_assert_cmpstr (f->out, ==, "offers: Tax returns\n");
}

static void
test_tags (Fixture       *f,
           gconstpointer  data)
{
  OK (f, "tags");
  g_assert_cmpstr (f->out, ==, "");
  OK (f, "add", "Ann", "--tag", "zeta", "--tag", "alpha,beta");
  OK (f, "add", "Bob", "--tag", "alpha");
  OK (f, "tags");
  g_assert_cmpstr (f->out, ==, "alpha\nbeta\nzeta\n");
}

/* ---- hostile input ------------------------------------------------------------ */

static void
test_tsv_escaping (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *expected = NULL;
  g_autofree char *note = NULL;
  g_auto(GStrv) timeline = NULL;
  gint64 id;

  OK (f, "add", "Back\\slash\tTab", "--company", "Line\nBreak\r\nCo");
  id = printed_id (f);

  OK (f, "list");
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "\tBack\\\\slash\\tTab\tLine\\nBreak\\r\\nCo\n", id);
  g_assert_cmpstr (f->out, ==, expected);

  OK (f, "search", "slash");
  g_assert_cmpstr (f->out, ==, expected);

  note = log_entry (f, "Back", "note", "a\tb\\c\nd\re", NULL, NULL);
  OK (f, "show", "Back");
  /* The card keeps the text, indenting continuation lines. */
  g_assert_nonnull (strstr (f->out, "display_name: Back\\slash\tTab\n"));
  g_assert_nonnull (strstr (f->out, "company: Line\n  Break\r\n  Co\n"));
  timeline = timeline_of (f->out);
  g_assert_cmpuint (g_strv_length (timeline), ==, 1);
  g_free (expected);
  expected = g_strdup_printf ("%s\t" TODAY "\tnote\t-\t-\ta\\tb\\\\c\\nd\\re", note);
  g_assert_cmpstr (timeline[0], ==, expected);
}

static void
test_hostile_input (Fixture       *f,
                    gconstpointer  data)
{
  const char *hostile = "<b>Bob</b> & \"Sons\" 'quoted'";
  const char *sql = "Robert'); DROP TABLE people; --";
  g_autofree char *expected = NULL;
  g_autofree char *sql_note = NULL;
  gint64 id;

  OK (f, "add", hostile, "--company", "<script>alert(1)</script>");
  id = printed_id (f);
  OK (f, "list");
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "\t%s\t<script>alert(1)</script>\n", id, hostile);
  g_assert_cmpstr (f->out, ==, expected);
  OK (f, "show", hostile);
  g_assert_nonnull (strstr (f->out, "\ndisplay_name: <b>Bob</b> & \"Sons\" 'quoted'\n"));

  OK (f, "add", sql);
  sql_note = log_entry (f, "Robert", "note", "1' OR '1'='1; DELETE FROM entries;", NULL, NULL);
  OK (f, "list");
  g_assert_nonnull (strstr (f->out, "\tRobert'); DROP TABLE people; --\t\n"));
  g_assert_nonnull (strstr (f->out, hostile));
  OK (f, "show", "Robert");
  g_assert_nonnull (strstr (f->out, "\tnote\t-\t-\t1' OR '1'='1; DELETE FROM entries;\n"));
  OK (f, "search", "DROP TABLE");
  OK (f, "search", "%");
  OK (f, "search", "*");

  /* Names that look like options need "--". */
  OK (f, "add", "--", "-Dash Person");
  OK (f, "show", "--", "-Dash Person");
  g_assert_nonnull (strstr (f->out, "display_name: -Dash Person\n"));
}

static void
test_invalid_utf8 (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *bad = "Jos\xe9";  /* Latin-1 é */
  static const char bad_input[] = "line\xff\n";
  static const char nul_input[] = "before\0after";

  add_person (f, "Bob");
  OK (f, "log", "Bob", "follow-up", "call", "--due", "2024-06-01");
  before = db_dump (f->db);

  FAILS (f, 1, "add", bad);
  g_assert_true (g_str_has_prefix (f->err, "netbook-cli: "));
  g_assert_nonnull (strstr (f->err, "UTF-8"));
  FAILS (f, 1, "add", "Jose", "--company", bad);
  g_assert_nonnull (strstr (f->err, "--company"));
  FAILS (f, 1, "add", "Jose", "--role", bad);
  FAILS (f, 1, "add", "Jose", "--email", "ok@example.org", "--email", bad);
  FAILS (f, 1, "add", "Jose", "--phone", bad);
  FAILS (f, 1, "add", "Jose", "--tag", bad);
  FAILS (f, 1, "add", "Jose", "--industry", bad);
  FAILS (f, 1, "add", "Jose", "--location", bad);
  FAILS (f, 1, "add", "Jose", "--url", bad);
  FAILS (f, 1, "add", "Jose", "--met", bad);
  FAILS (f, 1, "add", "Jose", "--met-where", bad);
  FAILS (f, 1, "note", "Bob", bad);
  FAILS (f, 1, "note", bad, "text");
  FAILS (f, 1, "log", "Bob", "meeting", bad);
  FAILS (f, 1, "log", "Bob", "introduction", "x", "--with", bad);
  FAILS (f, 1, "set", "Bob", "company", bad);
  FAILS (f, 1, "show", bad);
  FAILS (f, 1, "list", "--tag", bad);
  FAILS (f, 1, "search", bad);
  FAILS (f, 1, "profile", "--looking-for", bad);
  FAILS (f, 2, "log", "Bob", bad, "x");
  FAILS (f, 2, "set", "Bob", bad, "x");
  FAILS (f, 2, bad);

  CHECK (f, 1, run_argv (f, bad_input, sizeof bad_input - 1, TRUE,
                         (const char * const[]) { "note", "Bob", "-", NULL }));
  g_assert_nonnull (strstr (f->err, "UTF-8"));
  CHECK (f, 1, run_argv (f, nul_input, sizeof nul_input - 1, TRUE,
                         (const char * const[]) { "log", "Bob", "note", "-", NULL }));

  after = db_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_huge_note (Fixture       *f,
                gconstpointer  data)
{
  const gsize size = 10 * 1024 * 1024;
  g_autofree char *text = g_malloc (size + 1);
  g_autofree char *stdin_text = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id2 = NULL;
  g_auto(GStrv) timeline = NULL;
  g_autofree char *expected = NULL;

  /* "Netbook é" is ten bytes, and @size a multiple of ten. */
  for (gsize i = 0; i < size; i++)
    text[i] = "Netbook é"[i % 10];
  text[size] = '\0';
  g_assert_true (g_utf8_validate (text, -1, NULL));

  add_person (f, "Bob");
  OK (f, "log", "Bob", "conversation", text, "--date", "2024-05-01");
  id = id_str (printed_id (f));

  stdin_text = g_strconcat (text, "\n", NULL);
  CHECK (f, 0, cli_in (f, stdin_text, "log", "Bob", "meeting", "-", "--date", "2024-05-02", NULL));
  id2 = id_str (printed_id (f));

  OK (f, "show", "Bob");
  timeline = timeline_of (f->out);
  g_assert_cmpuint (g_strv_length (timeline), ==, 2);
  expected = g_strdup_printf ("%s\t2024-05-02\tmeeting\t-\t-\t%s", id2, text);
  g_assert_true (g_str_equal (timeline[0], expected));
  g_free (expected);
  expected = g_strdup_printf ("%s\t2024-05-01\tconversation\t-\t-\t%s", id, text);
  g_assert_true (g_str_equal (timeline[1], expected));
}

static void
test_refused_commands_change_nothing (Fixture       *f,
                                      gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *note = NULL;

  add_person (f, "Bob Smith");
  add_person (f, "Bob Jones");
  add_person (f, "Ann");
  note = log_entry (f, "Ann", "note", "keep me", NULL, NULL);
  OK (f, "profile", "--offers", "Tax");
  before = db_dump (f->db);

  FAILS (f, 2, "note", "Bob", "ambiguous");
  FAILS (f, 2, "log", "Ann", "introduction", "x", "--with", "Bob");
  FAILS (f, 2, "log", "Ghost", "meeting", "x");
  FAILS (f, 1, "log", "Ann", "meeting", "x", "--date", "2024-02-30");
  FAILS (f, 1, "add", "");
  FAILS (f, 1, "add", "Carl", "--met", "2024-02-30");
  FAILS (f, 1, "done", note);
  FAILS (f, 1, "status", note, "open");
  FAILS (f, 1, "edit", note, "--date", "0000-00-00");
  FAILS (f, 1, "set", "Ann", "rapport", "9");
  FAILS (f, 1, "profile", "--offers", "\xff");
  FAILS (f, 2, "add", "Carl", "--bogus");

  after = db_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

/* ---- the real binary ---------------------------------------------------------- */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs $NETBOOK_CLI ARGS with @env_db as NETBOOK_DB (NULL = unset). */
static void
spawn_cli (Run                *run,
           const char         *env_db,
           const char         *input,
           gsize               input_len,
           const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) in = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("NETBOOK_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (env_db != NULL)
    g_subprocess_launcher_setenv (launcher, "NETBOOK_DB", env_db, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "NETBOOK_DB");

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  in = g_bytes_new (input != NULL ? input : "", input != NULL ? input_len : 0);
  g_subprocess_communicate (process, in, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  run->status = g_subprocess_get_exit_status (process);
  run->out = g_strndup (g_bytes_get_size (out) > 0 ? g_bytes_get_data (out, NULL) : "",
                        g_bytes_get_size (out));
  run->err = g_strndup (g_bytes_get_size (err) > 0 ? g_bytes_get_data (err, NULL) : "",
                        g_bytes_get_size (err));
  if (run->status == 0)
    g_assert_cmpstr (run->err, ==, "");
}

static void
spawn (Run        *run,
       const char *env_db,
       const char *first,
       ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  run_clear (run);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  spawn_cli (run, env_db, NULL, 0, (const char * const *) args->pdata);
}

static gboolean
have_binary (void)
{
  const char *path = g_getenv ("NETBOOK_CLI");

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("NETBOOK_CLI is not set to the netbook-cli binary");
      return FALSE;
    }

  return TRUE;
}

static void
test_binary_exit_statuses (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(Run) run = { 0, };

  if (!have_binary ())
    return;

  spawn (&run, f->db, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "netbook-cli " PACKAGE_VERSION "\n");

  spawn (&run, f->db, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Usage:\n  netbook-cli "));

  spawn (&run, f->db, "add", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Usage:\n  netbook-cli add "));
  g_assert_nonnull (strstr (run.out, "--company"));
  g_assert_cmpstr (run.err, ==, "");

  spawn (&run, f->db, "add", "Bob Smith", NULL);
  g_assert_cmpint (run.status, ==, 0);
  spawn (&run, f->db, "add", "Bob Jones", NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* 1: refused. */
  spawn (&run, f->db, "log", "Bob Smith", "meeting", "x", "--date", "2024-02-30", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "netbook-cli: "));
  g_assert_nonnull (strstr (run.err, "2024-02-30"));
  spawn (&run, f->db, "add", "Jos\xe9", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "UTF-8"));

  /* 2: usage, unknown or ambiguous. */
  spawn (&run, f->db, NULL);
  g_assert_cmpint (run.status, ==, 2);
  spawn (&run, f->db, "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--help"));
  spawn (&run, f->db, "add", "--bogus", "x", NULL);
  g_assert_cmpint (run.status, ==, 2);
  spawn (&run, f->db, "show", "bob", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "\tBob Smith\t\n"));
  g_assert_nonnull (strstr (run.err, "\tBob Jones\t\n"));
  g_assert_cmpstr (run.out, ==, "");
  spawn (&run, f->db, "show", "Nobody Atall", NULL);
  g_assert_cmpint (run.status, ==, 2);

  /* Non-ASCII works whatever the locale. */
  {
    g_autoptr(GSubprocessLauncher) launcher = NULL;
    g_autoptr(GSubprocess) process = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *out = NULL;
    const char *cli_path = g_getenv ("NETBOOK_CLI");

    launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE);
    g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
    g_subprocess_launcher_setenv (launcher, "NETBOOK_DB", f->db, TRUE);
    process = g_subprocess_launcher_spawn (launcher, &error, cli_path, "add", "Zoë Ångström",
                                           "--company", "Café", NULL);
    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  }
  spawn (&run, f->db, "search", "zoe", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\tZoë Ångström\tCafé\n"));
}

static void
test_binary_db_and_stdin (Fixture       *f,
                          gconstpointer  data)
{
  g_auto(Run) run = { 0, };
  g_autofree char *other = g_strconcat (f->db, ".other", NULL);
  g_autofree char *big = NULL;
  const gsize size = 10 * 1024 * 1024;
  const char *args_note[] = { "note", "Ann", "-", NULL };
  const char *args_show[] = { "show", "Ann", NULL };

  if (!have_binary ())
    return;

  /* NETBOOK_DB, overridden by --db. */
  spawn (&run, f->db, "add", "Ann", NULL);
  g_assert_cmpint (run.status, ==, 0);
  spawn (&run, f->db, "--db", other, "add", "Other Ann", NULL);
  g_assert_cmpint (run.status, ==, 0);
  spawn (&run, f->db, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\tAnn\t\n"));
  g_assert_null (strstr (run.out, "Other"));
  spawn (&run, NULL, "--db", other, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\tOther Ann\t\n"));
  g_assert_null (strstr (run.out, "\tAnn\t"));

  /* Without either: the default path under $XDG_DATA_HOME. */
  spawn (&run, NULL, "add", "Default Dan", NULL);
  g_assert_cmpint (run.status, ==, 0);
  {
    g_autofree char *default_path = nb_store_get_default_path ();

    g_assert_true (g_file_test (default_path, G_FILE_TEST_IS_REGULAR));
  }
  spawn (&run, NULL, "list", NULL);
  g_assert_nonnull (strstr (run.out, "\tDefault Dan\t\n"));

  /* A 10 MB note through standard input. */
  big = g_malloc (size + 2);
  memset (big, 'x', size);
  big[size] = '\n';
  big[size + 1] = '\0';
  run_clear (&run);
  spawn_cli (&run, f->db, big, size + 1, args_note);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  spawn_cli (&run, f->db, NULL, 0, args_show);
  g_assert_cmpint (run.status, ==, 0);
  big[size] = '\0';
  g_assert_nonnull (strstr (run.out, big));
  g_assert_true (g_str_has_suffix (run.out, "x\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Deterministic dates; the database only through --db. */
  g_setenv ("NETBOOK_TODAY", TODAY, TRUE);
  g_unsetenv ("NETBOOK_DB");

#define ADD(path, func) \
  g_test_add ("/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("version", test_version);
  ADD ("program-help", test_program_help);
  ADD ("command-help", test_command_help);
  ADD ("usage-errors", test_usage_errors);
  ADD ("db-option", test_db_option);
  ADD ("add-and-show", test_add_and_show);
  ADD ("list", test_list);
  ADD ("resolve-person", test_resolve_person);
  ADD ("set", test_set);
  ADD ("note", test_note);
  ADD ("log-every-kind", test_log_every_kind);
  ADD ("log-refused", test_log_refused);
  ADD ("statuses", test_statuses);
  ADD ("followups", test_followups);
  ADD ("edit-and-delete", test_edit_and_delete);
  ADD ("trust", test_trust);
  ADD ("brief", test_brief);
  ADD ("search", test_search);
  ADD ("backup", test_backup);
  ADD ("profile", test_profile);
  ADD ("tags", test_tags);
  ADD ("tsv-escaping", test_tsv_escaping);
  ADD ("hostile-input", test_hostile_input);
  ADD ("invalid-utf8", test_invalid_utf8);
  ADD ("huge-note", test_huge_note);
  ADD ("refused-commands-change-nothing", test_refused_commands_change_nothing);
  ADD ("binary/exit-statuses", test_binary_exit_statuses);
  ADD ("binary/db-and-stdin", test_binary_db_and_stdin);

#undef ADD

  return g_test_run ();
}
