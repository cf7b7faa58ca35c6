/* nb-cli.c: netbook-cli, Netbook's relationship store for scripts.
 *
 * The command names, options, output formats and exit statuses are a
 * public interface, documented in docs/cli.md: change them only in ways
 * that keep existing scripts working.
 *
 * Every command parses and validates all of its arguments before it
 * opens the store, and writes with one store call or one
 * nb_store_transaction(), so a refused command leaves the database as it
 * was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>

#include "nb-cli.h"
#include "nb-date.h"
#include "nb-store.h"

#define PROGRAM_NAME "netbook-cli"

/* Exit statuses. */
enum {
  EXIT_OK = 0,
  EXIT_ERROR = 1,
  EXIT_USAGE = 2,
};

/* A command function returns this to say "carry on". */
#define CONTINUE (-1)

/* Output is collected here and written in large blocks. */
#define OUT_FLUSH_SIZE (64 * 1024)

/* Stay-in-touch cadences beyond a century are typing mistakes. */
#define MAX_CADENCE_DAYS 36500
#define MAX_RAPPORT 5

typedef struct
{
  GInputStream  *in;
  GOutputStream *out;
  GOutputStream *err;
  GString       *outbuf;
  gboolean       write_failed;
  char          *db_path;   /* from --db; NULL = $NETBOOK_DB or default */
  NbStore       *store;
} NbCli;

typedef struct _NbCliCommand NbCliCommand;
typedef int (*NbCliFunc) (NbCli              *cli,
                          const NbCliCommand *command,
                          char              **args);

struct _NbCliCommand
{
  const char *name;
  NbCliFunc   func;
  const char *params;   /* positional arguments, as in the usage line */
  const char *summary;  /* N_() */
};

static const NbCliCommand *find_command (const char *name);

/* ---- Output ----------------------------------------------------------- */

static void cli_print (NbCli      *cli,
                       const char *format,
                       ...) G_GNUC_PRINTF (2, 3);
static void cli_error (NbCli      *cli,
                       const char *format,
                       ...) G_GNUC_PRINTF (2, 3);
static int  cli_usage_error (NbCli              *cli,
                             const NbCliCommand *command,
                             const char         *format,
                             ...) G_GNUC_PRINTF (3, 4);

static void
cli_flush (NbCli *cli)
{
  g_autoptr(GError) error = NULL;

  if (cli->outbuf->len == 0)
    return;

  if (!cli->write_failed && cli->out != NULL &&
      (!g_output_stream_write_all (cli->out, cli->outbuf->str, cli->outbuf->len,
                                   NULL, NULL, &error) ||
       !g_output_stream_flush (cli->out, NULL, &error)))
    {
      g_autofree char *message = NULL;

      cli->write_failed = TRUE;
      message = g_strdup_printf ("%s: %s: %s\n", PROGRAM_NAME,
                                 _("Cannot write the output"), error->message);
      if (cli->err != NULL)
        g_output_stream_write_all (cli->err, message, strlen (message), NULL, NULL, NULL);
    }

  g_string_truncate (cli->outbuf, 0);
}

static void
cli_maybe_flush (NbCli *cli)
{
  if (cli->outbuf->len >= OUT_FLUSH_SIZE)
    cli_flush (cli);
}

static void
cli_puts (NbCli      *cli,
          const char *str)
{
  g_string_append (cli->outbuf, str);
  cli_maybe_flush (cli);
}

static void
cli_print (NbCli      *cli,
           const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (cli->outbuf, format, args);
  va_end (args);
  cli_maybe_flush (cli);
}

static void
cli_write_err (NbCli      *cli,
               const char *str)
{
  /* Keep stdout and stderr in order on a terminal. */
  cli_flush (cli);
  if (cli->err != NULL)
    g_output_stream_write_all (cli->err, str, strlen (str), NULL, NULL, NULL);
}

/* "netbook-cli: MESSAGE\n" on stderr. */
static void
cli_error (NbCli      *cli,
           const char *format,
           ...)
{
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  line = g_strdup_printf ("%s: %s\n", PROGRAM_NAME, g_strchomp (message));
  cli_write_err (cli, line);
}

static int
cli_usage_error (NbCli              *cli,
                 const NbCliCommand *command,
                 const char         *format,
                 ...)
{
  g_autofree char *message = NULL;
  g_autofree char *hint = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  cli_error (cli, "%s", message);
  if (command != NULL)
    hint = g_strdup_printf (_("Try “%s %s --help” for more information."),
                            PROGRAM_NAME, command->name);
  else
    hint = g_strdup_printf (_("Try “%s --help” for more information."), PROGRAM_NAME);
  cli_error (cli, "%s", hint);

  return EXIT_USAGE;
}

/* Tab-separated fields stay one line whatever users type: backslash,
 * tab, newline and carriage return are escaped as \\, \t, \n and \r. */
static void
append_tsv_field (GString    *string,
                  const char *field)
{
  const char *p;

  for (p = field; p != NULL && *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (string, "\\\\");
          break;
        case '\t':
          g_string_append (string, "\\t");
          break;
        case '\n':
          g_string_append (string, "\\n");
          break;
        case '\r':
          g_string_append (string, "\\r");
          break;
        default:
          g_string_append_c (string, *p);
          break;
        }
    }
}

/* One TSV line from a NULL-terminated list of fields. */
static void
append_tsv_line (GString    *string,
                 const char *first,
                 ...)
{
  const char *field;
  va_list args;

  va_start (args, first);
  for (field = first; field != NULL; field = va_arg (args, const char *))
    {
      if (field != first)
        g_string_append_c (string, '\t');
      append_tsv_field (string, field);
    }
  va_end (args);
  g_string_append_c (string, '\n');
}

/* "ID\tNAME\tCOMPANY\n", the person line of list, search and candidates. */
static void
append_person_line (GString  *string,
                    NbPerson *person)
{
  char id[32];

  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, nb_person_get_id (person));
  append_tsv_line (string, id,
                   nb_person_get_display_name (person),
                   nb_person_get_company (person),
                   NULL);
}

/* "key: value\n"; the lines after the first of a multi-line value are
 * indented by two spaces. */
static void
append_card_line (GString    *string,
                  const char *key,
                  const char *value)
{
  const char *p = value;
  const char *newline;

  g_string_append_printf (string, "%s: ", key);
  while ((newline = strchr (p, '\n')) != NULL)
    {
      g_string_append_len (string, p, newline - p);
      g_string_append (string, "\n  ");
      p = newline + 1;
    }
  g_string_append (string, p);
  g_string_append_c (string, '\n');
}

/* ---- Validation -------------------------------------------------------- */

static gboolean
cli_check_utf8 (NbCli      *cli,
                const char *what,
                const char *text)
{
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return TRUE;

  cli_error (cli, _("%s is not valid UTF-8 text; Netbook stores text as UTF-8 "
                    "(check the encoding of your terminal or file)"), what);
  return FALSE;
}

static gboolean
cli_check_utf8_array (NbCli              *cli,
                      const char         *what,
                      const char * const *texts)
{
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      if (!cli_check_utf8 (cli, what, texts[i]))
        return FALSE;
    }

  return TRUE;
}

/* NULL is fine (option not given); "" only when @allow_empty. */
static gboolean
cli_check_date (NbCli      *cli,
                const char *what,
                const char *date,
                gboolean    allow_empty)
{
  g_autoptr(GError) error = NULL;

  if (date == NULL || (allow_empty && *date == '\0'))
    return TRUE;

  if (!cli_check_utf8 (cli, what, date))
    return FALSE;

  if (nb_date_parse_iso (date, NULL, &error))
    return TRUE;

  cli_error (cli, "%s: %s", what, error->message);
  return FALSE;
}

/* "" is 0. */
static gboolean
cli_parse_uint (NbCli      *cli,
                const char *what,
                const char *text,
                guint       max,
                guint      *out_value)
{
  g_autoptr(GError) error = NULL;
  guint64 value = 0;

  if (*text != '\0' &&
      !g_ascii_string_to_unsigned (text, 10, 0, max, &value, &error))
    {
      if (!g_utf8_validate (text, -1, NULL))
        cli_error (cli, _("%s: not a number from 0 to %u"), what, max);
      else
        cli_error (cli, _("%s: “%s” is not a number from 0 to %u"), what, text, max);
      return FALSE;
    }

  *out_value = (guint) value;
  return TRUE;
}

static int
cli_parse_entry_id (NbCli              *cli,
                    const NbCliCommand *command,
                    const char         *text,
                    gint64             *out_id)
{
  if (g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, out_id, NULL))
    return CONTINUE;

  if (!g_utf8_validate (text, -1, NULL))
    return cli_usage_error (cli, command, _("ENTRY_ID must be a positive number"));

  return cli_usage_error (cli, command, _("“%s” is not an entry id (a positive number)"), text);
}

/* Splits tags on commas; each part is trimmed by NbPerson. */
static GStrv
split_tags (const char * const *values)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (values[i], ",", -1);

      g_strv_builder_addv (builder, (const char **) parts);
    }

  return g_strv_builder_end (builder);
}

/* Reads all of standard input, for a TEXT given as "-". Trailing
 * newlines are dropped. */
static char *
cli_read_input (NbCli       *cli,
                const char  *what)
{
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize size;

  if (cli->in == NULL)
    {
      cli_error (cli, _("%s: there is no standard input to read"), what);
      return NULL;
    }

  memory = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (memory, cli->in, G_OUTPUT_STREAM_SPLICE_NONE, NULL, &error) < 0 ||
      !g_output_stream_write_all (memory, "", 1, NULL, NULL, &error) ||
      !g_output_stream_close (memory, NULL, &error))
    {
      cli_error (cli, _("%s: cannot read standard input: %s"), what, error->message);
      return NULL;
    }

  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)) - 1;
  data = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (memory));

  /* Embedded NULs fail validation too. */
  if (!g_utf8_validate_len (data, size, NULL))
    {
      cli_error (cli, _("%s: standard input is not valid UTF-8 text; Netbook stores "
                        "text as UTF-8 (check the encoding of your file)"), what);
      return NULL;
    }

  while (size > 0 && (data[size - 1] == '\n' || data[size - 1] == '\r'))
    data[--size] = '\0';

  return g_steal_pointer (&data);
}

/* A TEXT argument: "-" reads standard input. */
static char *
cli_get_text (NbCli      *cli,
              const char *what,
              const char *arg)
{
  if (g_str_equal (arg, "-"))
    return cli_read_input (cli, what);

  if (!cli_check_utf8 (cli, what, arg))
    return NULL;

  return g_strdup (arg);
}

/* ---- Option parsing ------------------------------------------------------ */

static gboolean
wants_help (char **args)
{
  for (guint i = 1; args[i] != NULL; i++)
    {
      if (g_str_equal (args[i], "--"))
        break;
      if (g_str_equal (args[i], "-h") ||
          g_str_equal (args[i], "--help") ||
          g_str_equal (args[i], "--help-all") ||
          g_str_equal (args[i], "-?"))
        return TRUE;
    }

  return FALSE;
}

/* Wraps lines longer than @width characters at spaces; the continuation
 * lines keep the indentation of the line they continue. */
static char *
wrap_text (const char *text,
           guint       width)
{
  g_autoptr(GString) wrapped = g_string_new (NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gsize indent = strspn (line, " ");

      if (i > 0)
        g_string_append_c (wrapped, '\n');

      while (g_utf8_strlen (line, -1) > (glong) width)
        {
          const char *cut = g_utf8_offset_to_pointer (line, width);
          const char *space = cut;

          while (space > line + indent && *space != ' ')
            space--;
          if (space <= line + indent)
            break;  /* one long word: leave it */

          g_string_append_len (wrapped, line, space - line);
          g_string_append_c (wrapped, '\n');
          g_string_append_len (wrapped, lines[i], indent);
          line = space + 1;
        }
      g_string_append (wrapped, line);
    }

  return g_string_free (g_steal_pointer (&wrapped), FALSE);
}

/* GOptionContext's help, with our own usage line: it would otherwise
 * name whatever program the library is linked into. */
static char *
help_text (GOptionContext *context,
           const char     *usage)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
  const char *rest = strstr (help, "\n\n");

  if (rest == NULL)
    rest = "\n";

  return g_strdup_printf ("%s\n  %s%s%s", _("Usage:"), usage, rest,
                          g_str_has_suffix (rest, "\n") ? "" : "\n");
}

static GOptionContext *
command_context (const NbCliCommand *command,
                 const GOptionEntry *entries,
                 const char         *description,
                 char              **db_path,
                 gboolean           *help,
                 char             ***remaining)
{
  const GOptionEntry common_entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, db_path,
      N_("Use the database at PATH"), N_("PATH") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, help,
      N_("Show help for this command"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, remaining, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  GOptionContext *context;

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context, _(command->summary));
  if (description != NULL)
    {
      g_autofree char *wrapped = wrap_text (description, 78);

      g_option_context_set_description (context, wrapped);
    }
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);

  return context;
}

/* Parses @args (the command name first) in place. Returns CONTINUE when
 * the command should run, else the exit status (help printed: 0). Then
 * checks that between @min and @max positional arguments remain
 * (@max -1 = no limit). */
static int
cli_parse (NbCli              *cli,
           const NbCliCommand *command,
           const GOptionEntry *entries,
           const char         *description,
           char             ***args,
           int                 min,
           int                 max)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char **remaining = NULL;
  gboolean help = FALSE;
  guint n_args;
  guint n_remaining;
  int n_positional;

  context = command_context (command, entries, description, &db_path, &help, &remaining);

  if (wants_help (*args))
    {
      g_autofree char *usage = NULL;
      g_autofree char *text = NULL;

      usage = g_strdup_printf ("%s %s %s%s%s", PROGRAM_NAME, command->name, _("[OPTION…]"),
                               *command->params != '\0' ? " " : "", command->params);
      text = help_text (context, usage);
      cli_puts (cli, text);
      return EXIT_OK;
    }

  n_args = g_strv_length (*args);
  if (!g_option_context_parse_strv (context, args, &error))
    {
      g_strfreev (g_steal_pointer (&remaining));
      return cli_usage_error (cli, command, "%s", error->message);
    }

  /* GOption took the positional arguments (those after "--" too) out of
   * @args: move them back after the command name. They came from @args,
   * so its array has room for them. */
  n_remaining = remaining != NULL ? g_strv_length (remaining) : 0;
  {
    guint n_left = g_strv_length (*args);

    g_assert (n_left + n_remaining <= n_args);
    for (guint i = 0; i < n_remaining; i++)
      (*args)[n_left + i] = remaining[i];
    (*args)[n_left + n_remaining] = NULL;
  }

  if (db_path != NULL && *db_path == '\0')
    return cli_usage_error (cli, command, _("--db needs the path of a database file"));

  if (db_path != NULL)
    {
      g_free (cli->db_path);
      cli->db_path = g_steal_pointer (&db_path);
    }

  n_positional = (int) g_strv_length (*args) - 1;
  if (n_positional < min)
    {
      if (*command->params != '\0')
        return cli_usage_error (cli, command, _("Missing arguments: %s %s"),
                                command->name, command->params);
      return cli_usage_error (cli, command, _("Missing arguments"));
    }
  if (max >= 0 && n_positional > max)
    {
      if (*command->params != '\0')
        return cli_usage_error (cli, command, _("Too many arguments (put text with spaces in quotes): %s %s"),
                                command->name, command->params);
      return cli_usage_error (cli, command, _("%s takes no arguments"), command->name);
    }

  return CONTINUE;
}

/* ---- Store --------------------------------------------------------------- */

static gboolean
cli_open_store (NbCli *cli)
{
  g_autoptr(GError) error = NULL;
  const char *path = cli->db_path;

  if (cli->store != NULL)
    return TRUE;

  if (path == NULL)
    {
      path = g_getenv ("NETBOOK_DB");
      if (path != NULL && *path == '\0')
        path = NULL;
    }

  cli->store = nb_store_open (path, &error);
  if (cli->store == NULL)
    {
      cli_error (cli, "%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/* The store's message; 1. */
static int
cli_store_error (NbCli  *cli,
                 GError *error)
{
  cli_error (cli, "%s", error->message);
  return EXIT_ERROR;
}

/* Resolves PERSON (an id or a name). On failure prints why, with the
 * candidates on stderr, and sets *@status: 2 for an unknown or ambiguous
 * person, 1 for anything else. */
static NbPerson *
cli_resolve_person (NbCli      *cli,
                    const char *what,
                    const char *spec,
                    int        *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GString) lines = NULL;
  NbPerson *person;

  if (!cli_check_utf8 (cli, what, spec))
    {
      *status = EXIT_ERROR;
      return NULL;
    }

  person = nb_store_resolve_person (cli->store, spec, &candidates, &error);
  if (person != NULL)
    return person;

  lines = g_string_new (NULL);
  if (g_error_matches (error, NB_STORE_ERROR, NB_STORE_ERROR_AMBIGUOUS))
    {
      cli_error (cli, "%s", error->message);
      for (guint i = 0; candidates != NULL && i < candidates->len; i++)
        append_person_line (lines, g_ptr_array_index (candidates, i));
      *status = EXIT_USAGE;
    }
  else if (g_error_matches (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND))
    {
      g_autoptr(GPtrArray) hits = NULL;

      cli_error (cli, "%s", error->message);
      hits = nb_store_search (cli->store, spec, 5, NULL);
      if (hits != NULL && hits->len > 0)
        {
          cli_error (cli, "%s", _("Did you mean one of these?"));
          for (guint i = 0; i < hits->len; i++)
            {
              NbSearchHit *hit = g_ptr_array_index (hits, i);

              append_person_line (lines, hit->person);
            }
        }
      *status = EXIT_USAGE;
    }
  else
    {
      cli_error (cli, "%s", error->message);
      *status = EXIT_ERROR;
    }

  cli_write_err (cli, lines->str);
  return NULL;
}

/* Names of other people (introductions, follow-ups), looked up once. */
static const char *
cli_person_name (NbCli      *cli,
                 GHashTable *cache,
                 gint64      person_id)
{
  NbPerson *person = g_hash_table_lookup (cache, &person_id);

  if (person == NULL)
    {
      person = nb_store_get_person (cli->store, person_id, NULL);
      if (person == NULL)
        {
          /* Deleted meanwhile: show the id. */
          g_autofree char *fallback = g_strdup_printf ("#%" G_GINT64_FORMAT, person_id);

          person = nb_person_new (fallback);
          nb_person_set_id (person, person_id);
        }
      g_hash_table_insert (cache, g_memdup2 (&person_id, sizeof person_id), person);
    }

  return nb_person_get_display_name (person);
}

static GHashTable *
person_cache_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

static char *
statuses_for_kind (NbEntryKind kind)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (int status = NB_STATUS_OPEN; status < NB_N_STATUSES; status++)
    {
      if (!nb_entry_kind_accepts_status (kind, (NbStatus) status))
        continue;
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, nb_status_to_string ((NbStatus) status));
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

static char *
all_kinds_text (const char *separator)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (int kind = 0; kind < NB_N_ENTRY_KINDS; kind++)
    {
      if (kind > 0)
        g_string_append (list, separator);
      g_string_append (list, nb_entry_kind_to_string ((NbEntryKind) kind));
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* ---- add --------------------------------------------------------------- */

static void
set_multiline_field (NbPerson           *person,
                     NbPersonField       field,
                     const char * const *values)
{
  g_autofree char *joined = NULL;

  if (values == NULL)
    return;

  joined = g_strjoinv ("\n", (char **) values);
  nb_person_set_field (person, field, joined);
}

static int
cmd_add (NbCli              *cli,
         const NbCliCommand *command,
         char              **args)
{
  g_autofree char *company = NULL;
  g_autofree char *role = NULL;
  g_autofree char *industry = NULL;
  g_autofree char *location = NULL;
  g_autofree char *met = NULL;
  g_autofree char *met_where = NULL;
  g_autofree char *cadence = NULL;
  g_auto(GStrv) emails = NULL;
  g_auto(GStrv) phones = NULL;
  g_auto(GStrv) urls = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) tag_list = NULL;
  g_autoptr(NbPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  guint cadence_days = 0;
  gint64 id;
  int status;
  const GOptionEntry entries[] = {
    { "company", 0, 0, G_OPTION_ARG_FILENAME, &company, N_("The company they work for"), N_("COMPANY") },
    { "role", 0, 0, G_OPTION_ARG_FILENAME, &role, N_("Their role or profession"), N_("ROLE") },
    { "email", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &emails, N_("An email address (repeatable)"), N_("EMAIL") },
    { "phone", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &phones, N_("A phone number (repeatable)"), N_("PHONE") },
    { "tag", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &tags, N_("A tag (repeatable; commas separate tags too)"), N_("TAG") },
    { "industry", 0, 0, G_OPTION_ARG_FILENAME, &industry, N_("Their industry"), N_("INDUSTRY") },
    { "location", 0, 0, G_OPTION_ARG_FILENAME, &location, N_("Where they are based"), N_("PLACE") },
    { "url", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &urls, N_("A website or profile URL (repeatable)"), N_("URL") },
    { "met", 0, 0, G_OPTION_ARG_FILENAME, &met, N_("The day we met"), N_("YYYY-MM-DD") },
    { "met-where", 0, 0, G_OPTION_ARG_FILENAME, &met_where, N_("How and where we met"), N_("TEXT") },
    { "cadence", 0, 0, G_OPTION_ARG_FILENAME, &cadence, N_("Stay in touch every DAYS days (0 = no cadence)"), N_("DAYS") },
    G_OPTION_ENTRY_NULL
  };

  status = cli_parse (cli, command, entries,
                      _("Adds a person and prints their id."),
                      &args, 1, 1);
  if (status != CONTINUE)
    return status;

  if (!cli_check_utf8 (cli, "NAME", args[1]) ||
      !cli_check_utf8 (cli, "--company", company) ||
      !cli_check_utf8 (cli, "--role", role) ||
      !cli_check_utf8_array (cli, "--email", (const char * const *) emails) ||
      !cli_check_utf8_array (cli, "--phone", (const char * const *) phones) ||
      !cli_check_utf8_array (cli, "--tag", (const char * const *) tags) ||
      !cli_check_utf8 (cli, "--industry", industry) ||
      !cli_check_utf8 (cli, "--location", location) ||
      !cli_check_utf8_array (cli, "--url", (const char * const *) urls) ||
      !cli_check_date (cli, "--met", met, FALSE) ||
      !cli_check_utf8 (cli, "--met-where", met_where) ||
      (cadence != NULL &&
       !cli_parse_uint (cli, "--cadence", cadence, MAX_CADENCE_DAYS, &cadence_days)))
    return EXIT_ERROR;

  person = nb_person_new (args[1]);
  nb_person_set_field (person, NB_PERSON_COMPANY, company);
  nb_person_set_field (person, NB_PERSON_ROLE, role);
  nb_person_set_field (person, NB_PERSON_INDUSTRY, industry);
  nb_person_set_field (person, NB_PERSON_LOCATION, location);
  nb_person_set_field (person, NB_PERSON_MET_DATE, met);
  nb_person_set_field (person, NB_PERSON_MET_WHERE, met_where);
  set_multiline_field (person, NB_PERSON_EMAILS, (const char * const *) emails);
  set_multiline_field (person, NB_PERSON_PHONES, (const char * const *) phones);
  set_multiline_field (person, NB_PERSON_URLS, (const char * const *) urls);
  tag_list = split_tags ((const char * const *) tags);
  nb_person_set_tags (person, (const char * const *) tag_list);
  nb_person_set_cadence_days (person, cadence_days);

  if (!cli_open_store (cli))
    return EXIT_ERROR;

  id = nb_store_add_person (cli->store, person, &error);
  if (id <= 0)
    return cli_store_error (cli, error);

  cli_print (cli, "%" G_GINT64_FORMAT "\n", id);
  return EXIT_OK;
}

/* ---- list, search, tags ------------------------------------------------ */

static int
cmd_list (NbCli              *cli,
          const NbCliCommand *command,
          char              **args)
{
  g_autofree char *tag = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  gboolean archived = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "tag", 0, 0, G_OPTION_ARG_FILENAME, &tag, N_("Only people with this tag"), N_("TAG") },
    { "archived", 0, 0, G_OPTION_ARG_NONE, &archived, N_("Include archived people"), NULL },
    G_OPTION_ENTRY_NULL
  };

  status = cli_parse (cli, command, entries,
                      _("One line per person, sorted by name: ID<TAB>NAME<TAB>COMPANY."),
                      &args, 0, 0);
  if (status != CONTINUE)
    return status;

  if (!cli_check_utf8 (cli, "--tag", tag))
    return EXIT_ERROR;

  if (!cli_open_store (cli))
    return EXIT_ERROR;

  people = nb_store_list_people (cli->store, tag, archived, &error);
  if (people == NULL)
    return cli_store_error (cli, error);

  for (guint i = 0; i < people->len; i++)
    {
      append_person_line (cli->outbuf, g_ptr_array_index (people, i));
      cli_maybe_flush (cli);
    }

  return EXIT_OK;
}

static int
cmd_search (NbCli              *cli,
            const NbCliCommand *command,
            char              **args)
{
  g_autofree char *limit_text = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  guint limit = 0;
  int status;
  const GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_FILENAME, &limit_text, N_("At most N people (0 = all)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };

  status = cli_parse (cli, command, entries,
                      _("Searches names, companies, roles, tags and the text of entries, "
                        "case- and accent-insensitively. One line per person, best "
                        "match first: ID<TAB>NAME<TAB>COMPANY."),
                      &args, 1, 1);
  if (status != CONTINUE)
    return status;

  if (!cli_check_utf8 (cli, "QUERY", args[1]) ||
      (limit_text != NULL &&
       !cli_parse_uint (cli, "--limit", limit_text, G_MAXINT, &limit)))
    return EXIT_ERROR;

  {
    g_autofree char *stripped = g_strstrip (g_strdup (args[1]));

    if (*stripped == '\0')
      return cli_usage_error (cli, command, _("Nothing to search for"));
  }

  if (!cli_open_store (cli))
    return EXIT_ERROR;

  hits = nb_store_search (cli->store, args[1], limit, &error);
  if (hits == NULL)
    return cli_store_error (cli, error);

  for (guint i = 0; i < hits->len; i++)
    {
      NbSearchHit *hit = g_ptr_array_index (hits, i);

      append_person_line (cli->outbuf, hit->person);
      cli_maybe_flush (cli);
    }

  return EXIT_OK;
}

static int
cmd_tags (NbCli              *cli,
          const NbCliCommand *command,
          char              **args)
{
  g_auto(GStrv) tags = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = cli_parse (cli, command, NULL,
                      _("All tags in use, one per line, sorted."),
                      &args, 0, 0);
  if (status != CONTINUE)
    return status;

  if (!cli_open_store (cli))
    return EXIT_ERROR;

  tags = nb_store_list_tags (cli->store, &error);
  if (tags == NULL)
    return cli_store_error (cli, error);

  for (guint i = 0; tags[i] != NULL; i++)
    append_tsv_line (cli->outbuf, tags[i], NULL);

  return EXIT_OK;
}

/* ---- show ---------------------------------------------------------------- */

static void
append_timeline_line (NbCli      *cli,
                      GHashTable *names,
                      gint64      person_id,
                      NbEntry    *entry)
{
  g_autofree char *text = NULL;
  const char *status = nb_status_to_string (nb_entry_get_status (entry));
  const char *due = nb_entry_get_due (entry);
  char id[32];

  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, nb_entry_get_id (entry));

  if (nb_entry_get_kind (entry) == NB_ENTRY_INTRODUCTION)
    {
      /* The other side of the introduction, seen from @person_id. */
      gint64 other = nb_entry_get_person_id (entry) == person_id
                     ? nb_entry_get_other_person_id (entry)
                     : nb_entry_get_person_id (entry);
      const char *name = other > 0 ? cli_person_name (cli, names, other) : "?";

      if (*nb_entry_get_text (entry) != '\0')
        text = g_strdup_printf ("→ %s: %s", name, nb_entry_get_text (entry));
      else
        text = g_strdup_printf ("→ %s", name);
    }
  else
    {
      text = g_strdup (nb_entry_get_text (entry));
    }

  append_tsv_line (cli->outbuf, id,
                   nb_entry_get_date (entry),
                   nb_entry_kind_to_string (nb_entry_get_kind (entry)),
                   status != NULL && *status != '\0' ? status : "-",
                   *due != '\0' ? due : "-",
                   text,
                   NULL);
  cli_maybe_flush (cli);
}

static void
append_card (NbCli      *cli,
             GHashTable *names,
             NbPerson   *person)
{
  const char * const *tags = nb_person_get_tags (person);
  char number[32];

  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, nb_person_get_id (person));
  append_card_line (cli->outbuf, "id", number);

  for (int field = 0; field < NB_PERSON_N_FIELDS; field++)
    {
      const char *value = nb_person_get_field (person, (NbPersonField) field);

      if (*value != '\0')
        append_card_line (cli->outbuf, nb_person_field_get_key ((NbPersonField) field), value);
    }

  if (tags != NULL && tags[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) tags);

      append_card_line (cli->outbuf, "tags", joined);
    }

  if (nb_person_get_cadence_days (person) > 0)
    {
      g_snprintf (number, sizeof number, "%u", nb_person_get_cadence_days (person));
      append_card_line (cli->outbuf, "cadence_days", number);
    }

  if (nb_person_get_rapport (person) > 0)
    {
      g_snprintf (number, sizeof number, "%u", nb_person_get_rapport (person));
      append_card_line (cli->outbuf, "rapport", number);
    }

  if (nb_person_get_introduced_by (person) > 0)
    {
      gint64 introducer = nb_person_get_introduced_by (person);
      g_autofree char *value = NULL;

      value = g_strdup_printf ("%" G_GINT64_FORMAT " (%s)", introducer,
                               cli_person_name (cli, names, introducer));
      append_card_line (cli->outbuf, "introduced_by", value);
    }

  if (nb_person_get_archived (person))
    append_card_line (cli->outbuf, "archived", "yes");
}

static int
cmd_show (NbCli              *cli,
          const NbCliCommand *command,
          char              **args)
{
  g_autoptr(NbPerson) person = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = cli_parse (cli, command, NULL,
                      _("Prints the card as “key: value” lines (only fields that are set; "
                        "the lines after the first of a multi-line value are indented by "
                        "two spaces), an empty line, then the timeline, newest first, one "
                        "entry per line:\n"
                        "  ID<TAB>DATE<TAB>KIND<TAB>STATUS<TAB>DUE<TAB>TEXT\n"
                        "with “-” for no status or due date. The TEXT of an introduction "
                        "starts with “→ NAME: ”, NAME being the other person."),
                      &args, 1, 1);
  if (status != CONTINUE)
    return status;

  if (!cli_check_utf8 (cli, "PERSON", args[1]) || !cli_open_store (cli))
    return EXIT_ERROR;

  person = cli_resolve_person (cli, "PERSON", args[1], &status);
  if (person == NULL)
    return status;

  entries = nb_store_list_entries (cli->store, nb_person_get_id (person), &error);
  if (entries == NULL)
    return cli_store_error (cli, error);

  names = person_cache_new ();
  append_card (cli, names, person);
  cli_puts (cli, "\n");

  for (guint i = 0; i < entries->len; i++)
    append_timeline_line (cli, names, nb_person_get_id (person), g_ptr_array_index (entries, i));

  return EXIT_OK;
}

/* ---- note, log ------------------------------------------------------------ */

static int
add_entry (NbCli   *cli,
           NbEntry *entry)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = nb_store_add_entry (cli->store, entry, &error);
  if (id <= 0)
    return cli_store_error (cli, error);

  cli_print (cli, "%" G_GINT64_FORMAT "\n", id);
  return EXIT_OK;
}

static int
cmd_note (NbCli              *cli,
          const NbCliCommand *command,
          char              **args)
{
  g_autoptr(NbPerson) person = NULL;
  g_autoptr(NbEntry) entry = NULL;
  g_autofree char *text = NULL;
  g_autofree char *stripped = NULL;
  int status;

  status = cli_parse (cli, command, NULL,
                      _("Adds a note dated today to a person’s timeline and prints its "
                        "id. A TEXT of “-” is read from standard input."),
                      &args, 2, 2);
  if (status != CONTINUE)
    return status;

  if (!cli_check_utf8 (cli, "PERSON", args[1]))
    return EXIT_ERROR;

  text = cli_get_text (cli, "TEXT", args[2]);
  if (text == NULL)
    return EXIT_ERROR;

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      cli_error (cli, "%s", _("The note is empty"));
      return EXIT_ERROR;
    }

  if (!cli_open_store (cli))
    return EXIT_ERROR;

  person = cli_resolve_person (cli, "PERSON", args[1], &status);
  if (person == NULL)
    return status;

  entry = nb_entry_new (NB_ENTRY_NOTE, nb_person_get_id (person), NULL, text);
  return add_entry (cli, entry);
}

static int
cmd_log (NbCli              *cli,
         const NbCliCommand *command,
         char              **args)
{
  g_autofree char *date = NULL;
  g_autofree char *due = NULL;
  g_autofree char *with = NULL;
  g_autofree char *text = NULL;
  g_autofree char *kinds = NULL;
  g_autofree char *description = NULL;
  g_autoptr(NbPerson) person = NULL;
  g_autoptr(NbPerson) other = NULL;
  g_autoptr(NbEntry) entry = NULL;
  NbEntryKind kind;
  int status;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_FILENAME, &date, N_("When it happened (default: today)"), N_("YYYY-MM-DD") },
    { "due", 0, 0, G_OPTION_ARG_FILENAME, &due, N_("When a follow-up is due (required for follow-up)"), N_("YYYY-MM-DD") },
    { "with", 0, 0, G_OPTION_ARG_FILENAME, &with, N_("The other person of an introduction (required for introduction)"), N_("PERSON2") },
    G_OPTION_ENTRY_NULL
  };

  kinds = all_kinds_text (", ");
  description = g_strdup_printf (_("Adds an entry to a person’s timeline and prints its id.\n\n"
                                   "KIND is one of: %s.\n"
                                   "An introduction needs --with and appears on both timelines; "
                                   "a follow-up needs --due. Dreams, challenges, needs and "
                                   "follow-ups start open. A TEXT of “-” is read from standard input."),
                                 kinds);

  status = cli_parse (cli, command, entries, description, &args, 3, 3);
  if (status != CONTINUE)
    return status;

  if (!cli_check_utf8 (cli, "PERSON", args[1]) ||
      !cli_check_utf8 (cli, "--with", with))
    return EXIT_ERROR;

  if (!nb_entry_kind_from_string (args[2], &kind))
    {
      if (!g_utf8_validate (args[2], -1, NULL))
        return cli_usage_error (cli, command, _("Unknown kind; KIND is one of: %s"), kinds);
      return cli_usage_error (cli, command, _("Unknown kind “%s”; KIND is one of: %s"), args[2], kinds);
    }

  if (kind == NB_ENTRY_INTRODUCTION && with == NULL)
    return cli_usage_error (cli, command, _("An introduction needs --with PERSON2, the person introduced"));
  if (kind != NB_ENTRY_INTRODUCTION && with != NULL)
    return cli_usage_error (cli, command, _("--with is only for introductions"));
  if (kind == NB_ENTRY_FOLLOW_UP && due == NULL)
    return cli_usage_error (cli, command, _("A follow-up needs --due YYYY-MM-DD"));
  if (kind != NB_ENTRY_FOLLOW_UP && due != NULL)
    return cli_usage_error (cli, command, _("--due is only for follow-ups"));

  if (!cli_check_date (cli, "--date", date, FALSE) ||
      !cli_check_date (cli, "--due", due, FALSE))
    return EXIT_ERROR;

  text = cli_get_text (cli, "TEXT", args[3]);
  if (text == NULL)
    return EXIT_ERROR;

  if (!cli_open_store (cli))
    return EXIT_ERROR;

  person = cli_resolve_person (cli, "PERSON", args[1], &status);
  if (person == NULL)
    return status;

  if (with != NULL)
    {
      other = cli_resolve_person (cli, "--with", with, &status);
      if (other == NULL)
        return status;
      if (nb_person_get_id (other) == nb_person_get_id (person))
        {
          cli_error (cli, _("%s cannot be introduced to themselves"),
                     nb_person_get_display_name (person));
          return EXIT_ERROR;
        }
    }

  entry = nb_entry_new (kind, nb_person_get_id (person), date, text);
  if (due != NULL)
    nb_entry_set_due (entry, due);
  if (other != NULL)
    nb_entry_set_other_person_id (entry, nb_person_get_id (other));

  return add_entry (cli, entry);
}

/* ---- done, status ------------------------------------------------------- */

typedef struct
{
  gint64      entry_id;
  const char *entry_id_text;
  NbStatus    status;
  gboolean    done_command;
} StatusChange;

static gboolean
change_status_cb (NbStore   *store,
                  gpointer   user_data,
                  GError   **error)
{
  StatusChange *change = user_data;
  g_autoptr(NbEntry) entry = NULL;
  NbEntryKind kind;
  const char *kind_name;

  entry = nb_store_get_entry (store, change->entry_id, error);
  if (entry == NULL)
    return FALSE;

  kind = nb_entry_get_kind (entry);
  kind_name = nb_entry_kind_to_string (kind);

  if (!nb_entry_kind_has_status (kind))
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("Entry %s is a %s, which has no status"),
                   change->entry_id_text, kind_name);
      return FALSE;
    }

  if (change->done_command && kind != NB_ENTRY_FOLLOW_UP)
    {
      g_autofree char *allowed = statuses_for_kind (kind);

      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("Entry %s is a %s, not a follow-up: use “%s status %s STATUS” "
                     "with STATUS one of %s"),
                   change->entry_id_text, kind_name, PROGRAM_NAME,
                   change->entry_id_text, allowed);
      return FALSE;
    }

  if (!nb_entry_kind_accepts_status (kind, change->status))
    {
      g_autofree char *allowed = statuses_for_kind (kind);

      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("A %s cannot be %s: its status is one of %s"),
                   kind_name, nb_status_to_string (change->status), allowed);
      return FALSE;
    }

  if (nb_entry_get_status (entry) == change->status)
    return TRUE;

  return nb_store_set_entry_status (store, change->entry_id, change->status, error);
}

static int
change_status (NbCli              *cli,
               const NbCliCommand *command,
               const char         *entry_id_text,
               NbStatus            new_status,
               gboolean            done_command)
{
  g_autoptr(GError) error = NULL;
  StatusChange change = { 0, entry_id_text, new_status, done_command };
  int status;

  status = cli_parse_entry_id (cli, command, entry_id_text, &change.entry_id);
  if (status != CONTINUE)
    return status;

  if (!cli_open_store (cli))
    return EXIT_ERROR;

  if (!nb_store_transaction (cli->store, change_status_cb, &change, &error))
    return cli_store_error (cli, error);

  return EXIT_OK;
}

static int
cmd_done (NbCli              *cli,
          const NbCliCommand *command,
          char              **args)
{
  int status;

  status = cli_parse (cli, command, NULL,
                      _("Marks a follow-up done. Dreams, challenges and needs are "
                        "helped, achieved or resolved with “status”."),
                      &args, 1, 1);
  if (status != CONTINUE)
    return status;

  return change_status (cli, command, args[1], NB_STATUS_DONE, TRUE);
}

static int
cmd_status (NbCli              *cli,
            const NbCliCommand *command,
            char              **args)
{
  NbStatus new_status;
  int status;

  status = cli_parse (cli, command, NULL,
                      _("Sets the status of an entry:\n"
                        "  dream, challenge, need: open, helped, achieved, resolved\n"
                        "  follow-up: open, done\n"
                        "Other kinds have no status."),
                      &args, 2, 2);
  if (status != CONTINUE)
    return status;

  if (*args[2] == '\0' || !nb_status_from_string (args[2], &new_status))
    {
      if (!g_utf8_validate (args[2], -1, NULL))
        return cli_usage_error (cli, command, _("Unknown status; STATUS is one of: open, helped, achieved, resolved, done"));
      return cli_usage_error (cli, command, _("Unknown status “%s”; STATUS is one of: "
                                              "open, helped, achieved, resolved, done"),
                              args[2]);
    }

  return change_status (cli, command, args[1], new_status, FALSE);
}

/* ---- followups ------------------------------------------------------------ */

static int
cmd_followups (NbCli              *cli,
               const NbCliCommand *command,
               char              **args)
{
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GError) error = NULL;
  gboolean overdue = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("Only those due before today"), NULL },
    G_OPTION_ENTRY_NULL
  };

  status = cli_parse (cli, command, entries,
                      _("Open follow-ups of everyone, the soonest due first, one per line:\n"
                        "  ENTRY_ID<TAB>DUE<TAB>PERSON_ID<TAB>PERSON_NAME<TAB>TEXT"),
                      &args, 0, 0);
  if (status != CONTINUE)
    return status;

  if (!cli_open_store (cli))
    return EXIT_ERROR;

  followups = nb_store_list_followups (cli->store, overdue, NULL, &error);
  if (followups == NULL)
    return cli_store_error (cli, error);

  names = person_cache_new ();
  for (guint i = 0; i < followups->len; i++)
    {
      NbEntry *entry = g_ptr_array_index (followups, i);
      char id[32];
      char person_id[32];

      g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, nb_entry_get_id (entry));
      g_snprintf (person_id, sizeof person_id, "%" G_GINT64_FORMAT, nb_entry_get_person_id (entry));
      append_tsv_line (cli->outbuf, id,
                       nb_entry_get_due (entry),
                       person_id,
                       cli_person_name (cli, names, nb_entry_get_person_id (entry)),
                       nb_entry_get_text (entry),
                       NULL);
      cli_maybe_flush (cli);
    }

  return EXIT_OK;
}

/* ---- trust, brief --------------------------------------------------------- */

static const char * const dimension_keys[NB_N_DIMENSIONS] = {
  [NB_DIMENSION_KNOW] = "know",
  [NB_DIMENSION_LIKE] = "like",
  [NB_DIMENSION_TRUST] = "trust",
};

/* One line of human text: no line breaks. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text);

  g_strdelimit (line, "\r\n", ' ');
  return line;
}

static int
cmd_trust (NbCli              *cli,
           const NbCliCommand *command,
           char              **args)
{
  g_autoptr(NbPerson) person = NULL;
  g_autoptr(NbTrust) trust = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *steps;
  int days;
  int status;

  status = cli_parse (cli, command, NULL,
                      _("Prints the know, like and trust scores (0–100), the relationship "
                        "stage, the “Listen, don’t pitch yet” hint while trust is low, the "
                        "facts behind each score with their points, and the next steps."),
                      &args, 1, 1);
  if (status != CONTINUE)
    return status;

  if (!cli_check_utf8 (cli, "PERSON", args[1]) || !cli_open_store (cli))
    return EXIT_ERROR;

  person = cli_resolve_person (cli, "PERSON", args[1], &status);
  if (person == NULL)
    return status;

  trust = nb_store_compute_trust (cli->store, nb_person_get_id (person), NULL, &error);
  if (trust == NULL)
    return cli_store_error (cli, error);

  append_card_line (cli->outbuf, "name", nb_person_get_display_name (person));
  for (int dimension = 0; dimension < NB_N_DIMENSIONS; dimension++)
    cli_print (cli, "%s: %u\n", dimension_keys[dimension],
               nb_trust_get_score (trust, (NbDimension) dimension));
  cli_print (cli, "stage: %s\n", nb_stage_to_string (nb_trust_get_stage (trust)));
  cli_print (cli, "pitch_ok: %s\n", nb_trust_get_pitch_ok (trust) ? "yes" : "no");
  if (!nb_trust_get_pitch_ok (trust))
    cli_print (cli, "hint: %s\n", _("Listen, don’t pitch yet"));
  days = nb_trust_get_days_since_contact (trust);
  if (days >= 0)
    cli_print (cli, "days_since_contact: %d\n", days);
  else
    cli_puts (cli, "days_since_contact: never\n");
  if (nb_trust_get_going_cold (trust))
    cli_puts (cli, "going_cold: yes\n");

  for (int dimension = 0; dimension < NB_N_DIMENSIONS; dimension++)
    {
      GPtrArray *signals = nb_trust_get_signals (trust, (NbDimension) dimension);

      cli_print (cli, "\n%s signals:\n", dimension_keys[dimension]);
      if (signals == NULL || signals->len == 0)
        cli_print (cli, "  %s\n", _("(none)"));
      for (guint i = 0; signals != NULL && i < signals->len; i++)
        {
          NbSignal *signal = g_ptr_array_index (signals, i);
          g_autofree char *description = one_line (signal->description);

          cli_print (cli, "  %+d %s\n", signal->points, description);
        }
    }

  cli_puts (cli, "\nnext steps:\n");
  steps = nb_trust_get_next_steps (trust);
  if (steps == NULL || steps[0] == NULL)
    cli_print (cli, "  %s\n", _("(none)"));
  for (guint i = 0; steps != NULL && steps[i] != NULL; i++)
    {
      g_autofree char *step = one_line (steps[i]);

      cli_print (cli, "  - %s\n", step);
    }

  return EXIT_OK;
}

static int
cmd_brief (NbCli              *cli,
           const NbCliCommand *command,
           char              **args)
{
  g_autofree char *format = NULL;
  g_autofree char *text = NULL;
  g_autoptr(NbPerson) person = NULL;
  g_autoptr(NbBriefing) briefing = NULL;
  g_autoptr(GError) error = NULL;
  gboolean markdown;
  int status;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_FILENAME, &format, N_("text (default) or markdown"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  status = cli_parse (cli, command, entries,
                      _("Prints the pre-meeting briefing: who they are, how you met, the "
                        "last conversation, their open dreams, challenges and needs, what "
                        "you promised, the goodwill balance, questions still unasked and "
                        "the trust-stage hint."),
                      &args, 1, 1);
  if (status != CONTINUE)
    return status;

  if (format == NULL || g_str_equal (format, "text"))
    markdown = FALSE;
  else if (g_str_equal (format, "markdown"))
    markdown = TRUE;
  else if (!g_utf8_validate (format, -1, NULL))
    return cli_usage_error (cli, command, _("Unknown format; FORMAT is text or markdown"));
  else
    return cli_usage_error (cli, command, _("Unknown format “%s”; FORMAT is text or markdown"), format);

  if (!cli_check_utf8 (cli, "PERSON", args[1]) || !cli_open_store (cli))
    return EXIT_ERROR;

  person = cli_resolve_person (cli, "PERSON", args[1], &status);
  if (person == NULL)
    return status;

  briefing = nb_store_build_briefing (cli->store, nb_person_get_id (person), NULL, &error);
  if (briefing == NULL)
    return cli_store_error (cli, error);

  text = markdown ? nb_briefing_to_markdown (briefing) : nb_briefing_to_text (briefing);
  cli_puts (cli, text);
  if (*text != '\0' && !g_str_has_suffix (text, "\n"))
    cli_puts (cli, "\n");

  return EXIT_OK;
}

/* ---- backup ------------------------------------------------------------------ */

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int
cmd_backup (NbCli              *cli,
            const NbCliCommand *command,
            char              **args)
{
  g_autoptr(GError) error = NULL;
  int status;

  status = cli_parse (cli, command, NULL,
                      _("Writes a consistent copy of the database to FILE (replacing it), "
                        "safe while Netbook is running."),
                      &args, 1, 1);
  if (status != CONTINUE)
    return status;

  if (*args[1] == '\0')
    return cli_usage_error (cli, command, _("FILE is empty"));

  if (!cli_open_store (cli))
    return EXIT_ERROR;

  if (same_file (args[1], nb_store_get_path (cli->store)))
    {
      g_autofree char *display = g_filename_display_name (args[1]);

      cli_error (cli, _("“%s” is the database itself; choose another file for the backup"), display);
      return EXIT_ERROR;
    }

  if (!nb_store_backup (cli->store, args[1], &error))
    return cli_store_error (cli, error);

  return EXIT_OK;
}

/* ---- set ------------------------------------------------------------------- */

typedef enum {
  SET_FIELD,
  SET_TAGS,
  SET_CADENCE,
  SET_RAPPORT,
  SET_ARCHIVED,
  SET_INTRODUCED_BY,
} SetWhat;

typedef struct
{
  gint64         person_id;
  SetWhat        what;
  NbPersonField  field;
  const char    *value;
  GStrv          tags;
  guint          number;
  gboolean       flag;
  gint64         introducer;
} SetChange;

static gboolean
set_cb (NbStore   *store,
        gpointer   user_data,
        GError   **error)
{
  SetChange *change = user_data;
  g_autoptr(NbPerson) person = NULL;

  person = nb_store_get_person (store, change->person_id, error);
  if (person == NULL)
    return FALSE;

  switch (change->what)
    {
    case SET_FIELD:
      nb_person_set_field (person, change->field, change->value);
      break;
    case SET_TAGS:
      nb_person_set_tags (person, (const char * const *) change->tags);
      break;
    case SET_CADENCE:
      nb_person_set_cadence_days (person, change->number);
      break;
    case SET_RAPPORT:
      nb_person_set_rapport (person, change->number);
      break;
    case SET_ARCHIVED:
      nb_person_set_archived (person, change->flag);
      break;
    case SET_INTRODUCED_BY:
      nb_person_set_introduced_by (person, change->introducer);
      break;
    default:
      g_assert_not_reached ();
    }

  return nb_store_update_person (store, person, error);
}

static gboolean
parse_boolean (const char *text,
               gboolean   *out_value)
{
  static const char * const yes[] = { "yes", "true", "1", "on", NULL };
  static const char * const no[] = { "no", "false", "0", "off", "", NULL };

  for (guint i = 0; yes[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (text, yes[i]) == 0)
        {
          *out_value = TRUE;
          return TRUE;
        }
    }
  for (guint i = 0; no[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (text, no[i]) == 0)
        {
          *out_value = FALSE;
          return TRUE;
        }
    }

  return FALSE;
}

static char *
all_field_keys (void)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (int field = 0; field < NB_PERSON_N_FIELDS; field++)
    {
      g_string_append (list, nb_person_field_get_key ((NbPersonField) field));
      g_string_append (list, ", ");
    }
  g_string_append (list, "tags, cadence_days, rapport, archived, introduced_by");

  return g_string_free (g_steal_pointer (&list), FALSE);
}

static int
cmd_set (NbCli              *cli,
         const NbCliCommand *command,
         char              **args)
{
  g_autofree char *keys = NULL;
  g_autofree char *description = NULL;
  g_autoptr(NbPerson) person = NULL;
  g_autoptr(NbPerson) introducer = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  SetChange change = { 0, };
  const char *key;
  const char *value;
  int status;

  keys = all_field_keys ();
  description = g_strdup_printf (_("Changes one field of a person’s card. An empty VALUE clears it.\n\n"
                                   "FIELD is one of: %s.\n"
                                   "emails, phones and urls hold one value per line; tags are "
                                   "separated by commas; cadence_days is a number of days (0 = "
                                   "none); rapport is 1 to 5 (0 = not rated); archived is yes or "
                                   "no; introduced_by is a PERSON (empty = nobody); met_date and "
                                   "birthday are YYYY-MM-DD."),
                                 keys);

  status = cli_parse (cli, command, NULL, description, &args, 3, 3);
  if (status != CONTINUE)
    return status;

  key = args[2];
  value = args[3];

  if (!cli_check_utf8 (cli, "PERSON", args[1]) ||
      !cli_check_utf8 (cli, "VALUE", value))
    return EXIT_ERROR;

  if (nb_person_field_from_key (key, &change.field))
    {
      change.what = SET_FIELD;
      change.value = value;
      if ((change.field == NB_PERSON_MET_DATE || change.field == NB_PERSON_BIRTHDAY) &&
          !cli_check_date (cli, "VALUE", value, TRUE))
        return EXIT_ERROR;
    }
  else if (g_str_equal (key, "tags"))
    {
      const char *values[] = { value, NULL };

      change.what = SET_TAGS;
      tags = split_tags (values);
      change.tags = tags;
    }
  else if (g_str_equal (key, "cadence_days"))
    {
      change.what = SET_CADENCE;
      if (!cli_parse_uint (cli, "cadence_days", value, MAX_CADENCE_DAYS, &change.number))
        return EXIT_ERROR;
    }
  else if (g_str_equal (key, "rapport"))
    {
      change.what = SET_RAPPORT;
      if (!cli_parse_uint (cli, "rapport", value, MAX_RAPPORT, &change.number))
        return EXIT_ERROR;
    }
  else if (g_str_equal (key, "archived"))
    {
      change.what = SET_ARCHIVED;
      if (!parse_boolean (value, &change.flag))
        {
          cli_error (cli, _("archived: “%s” is not yes or no"), value);
          return EXIT_ERROR;
        }
    }
  else if (g_str_equal (key, "introduced_by"))
    {
      change.what = SET_INTRODUCED_BY;
    }
  else if (!g_utf8_validate (key, -1, NULL))
    {
      return cli_usage_error (cli, command, _("Unknown field; FIELD is one of: %s"), keys);
    }
  else
    {
      return cli_usage_error (cli, command, _("Unknown field “%s”; FIELD is one of: %s"), key, keys);
    }

  if (!cli_open_store (cli))
    return EXIT_ERROR;

  person = cli_resolve_person (cli, "PERSON", args[1], &status);
  if (person == NULL)
    return status;
  change.person_id = nb_person_get_id (person);

  if (change.what == SET_INTRODUCED_BY && *value != '\0' && !g_str_equal (value, "0"))
    {
      introducer = cli_resolve_person (cli, "VALUE", value, &status);
      if (introducer == NULL)
        return status;
      if (nb_person_get_id (introducer) == change.person_id)
        {
          cli_error (cli, _("%s cannot have introduced themselves"),
                     nb_person_get_display_name (person));
          return EXIT_ERROR;
        }
      change.introducer = nb_person_get_id (introducer);
    }

  if (!nb_store_transaction (cli->store, set_cb, &change, &error))
    return cli_store_error (cli, error);

  return EXIT_OK;
}

/* ---- edit, delete-entry ------------------------------------------------------ */

typedef struct
{
  gint64      entry_id;
  const char *text;
  const char *date;
  const char *due;
} EntryEdit;

static gboolean
edit_cb (NbStore   *store,
         gpointer   user_data,
         GError   **error)
{
  EntryEdit *edit = user_data;
  g_autoptr(NbEntry) entry = NULL;

  entry = nb_store_get_entry (store, edit->entry_id, error);
  if (entry == NULL)
    return FALSE;

  if (edit->text != NULL)
    nb_entry_set_text (entry, edit->text);
  if (edit->date != NULL)
    nb_entry_set_date (entry, edit->date);
  if (edit->due != NULL)
    nb_entry_set_due (entry, edit->due);

  return nb_store_update_entry (store, entry, error);
}

static int
cmd_edit (NbCli              *cli,
          const NbCliCommand *command,
          char              **args)
{
  g_autofree char *text_arg = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *due = NULL;
  g_autoptr(GError) error = NULL;
  EntryEdit edit = { 0, };
  int status;
  const GOptionEntry entries[] = {
    { "text", 0, 0, G_OPTION_ARG_FILENAME, &text_arg, N_("The new text (“-” reads standard input)"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_FILENAME, &date, N_("The new date"), N_("YYYY-MM-DD") },
    { "due", 0, 0, G_OPTION_ARG_FILENAME, &due, N_("The new due date of a follow-up"), N_("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };

  status = cli_parse (cli, command, entries,
                      _("Changes the text or dates of an entry; what is not given is kept."),
                      &args, 1, 1);
  if (status != CONTINUE)
    return status;

  status = cli_parse_entry_id (cli, command, args[1], &edit.entry_id);
  if (status != CONTINUE)
    return status;

  if (text_arg == NULL && date == NULL && due == NULL)
    return cli_usage_error (cli, command, _("Nothing to change: give --text, --date or --due"));

  if (!cli_check_date (cli, "--date", date, FALSE) ||
      !cli_check_date (cli, "--due", due, TRUE))
    return EXIT_ERROR;

  if (text_arg != NULL)
    {
      text = cli_get_text (cli, "--text", text_arg);
      if (text == NULL)
        return EXIT_ERROR;
    }

  edit.text = text;
  edit.date = date;
  edit.due = due;

  if (!cli_open_store (cli))
    return EXIT_ERROR;

  if (!nb_store_transaction (cli->store, edit_cb, &edit, &error))
    return cli_store_error (cli, error);

  return EXIT_OK;
}

static int
cmd_delete_entry (NbCli              *cli,
                  const NbCliCommand *command,
                  char              **args)
{
  g_autoptr(GError) error = NULL;
  gint64 entry_id;
  int status;

  status = cli_parse (cli, command, NULL,
                      _("Deletes an entry from the timeline."),
                      &args, 1, 1);
  if (status != CONTINUE)
    return status;

  status = cli_parse_entry_id (cli, command, args[1], &entry_id);
  if (status != CONTINUE)
    return status;

  if (!cli_open_store (cli))
    return EXIT_ERROR;

  if (!nb_store_delete_entry (cli->store, entry_id, &error))
    return cli_store_error (cli, error);

  return EXIT_OK;
}

/* ---- profile ----------------------------------------------------------------- */

typedef struct
{
  const char *offers;
  const char *looking_for;
} ProfileChange;

static gboolean
profile_cb (NbStore   *store,
            gpointer   user_data,
            GError   **error)
{
  ProfileChange *change = user_data;
  g_autofree char *offers = NULL;
  g_autofree char *looking_for = NULL;

  if (!nb_store_get_profile (store, &offers, &looking_for, error))
    return FALSE;

  return nb_store_set_profile (store,
                               change->offers != NULL ? change->offers : offers,
                               change->looking_for != NULL ? change->looking_for : looking_for,
                               error);
}

static int
cmd_profile (NbCli              *cli,
             const NbCliCommand *command,
             char              **args)
{
  g_autofree char *offers = NULL;
  g_autofree char *looking_for = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "offers", 0, 0, G_OPTION_ARG_FILENAME, &offers, N_("What I offer"), N_("TEXT") },
    { "looking-for", 0, 0, G_OPTION_ARG_FILENAME, &looking_for, N_("What I am looking for"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };

  status = cli_parse (cli, command, entries,
                      _("My own profile: what I offer and what I am looking for. Without "
                        "options, prints it as “offers: …” and “looking_for: …” lines "
                        "(only those that are set); with options, changes what is given."),
                      &args, 0, 0);
  if (status != CONTINUE)
    return status;

  if (!cli_check_utf8 (cli, "--offers", offers) ||
      !cli_check_utf8 (cli, "--looking-for", looking_for))
    return EXIT_ERROR;

  if (!cli_open_store (cli))
    return EXIT_ERROR;

  if (offers != NULL || looking_for != NULL)
    {
      ProfileChange change = { offers, looking_for };

      if (!nb_store_transaction (cli->store, profile_cb, &change, &error))
        return cli_store_error (cli, error);
    }
  else
    {
      g_autofree char *current_offers = NULL;
      g_autofree char *current_looking_for = NULL;

      if (!nb_store_get_profile (cli->store, &current_offers, &current_looking_for, &error))
        return cli_store_error (cli, error);

      if (current_offers != NULL && *current_offers != '\0')
        append_card_line (cli->outbuf, "offers", current_offers);
      if (current_looking_for != NULL && *current_looking_for != '\0')
        append_card_line (cli->outbuf, "looking_for", current_looking_for);
    }

  return EXIT_OK;
}

/* ---- help and the command table -------------------------------------------- */

static int cmd_help (NbCli              *cli,
                     const NbCliCommand *command,
                     char              **args);

static const NbCliCommand commands[] = {
  { "add", cmd_add, "NAME", N_("Add a person; prints the new id") },
  { "list", cmd_list, "", N_("List people") },
  { "show", cmd_show, "PERSON", N_("Show a person’s card and timeline") },
  { "note", cmd_note, "PERSON TEXT", N_("Add a note; prints the entry id") },
  { "log", cmd_log, "PERSON KIND TEXT", N_("Add an entry of any kind; prints the entry id") },
  { "done", cmd_done, "ENTRY_ID", N_("Mark a follow-up done") },
  { "status", cmd_status, "ENTRY_ID STATUS", N_("Set the status of a dream, challenge, need or follow-up") },
  { "followups", cmd_followups, "", N_("List open follow-ups, the soonest due first") },
  { "trust", cmd_trust, "PERSON", N_("Show know, like and trust, the stage and next steps") },
  { "brief", cmd_brief, "PERSON", N_("Print the pre-meeting briefing") },
  { "search", cmd_search, "QUERY", N_("Search people, their cards and timelines") },
  { "backup", cmd_backup, "FILE", N_("Copy the database to FILE") },
  { "set", cmd_set, "PERSON FIELD VALUE", N_("Change one field of a person’s card") },
  { "edit", cmd_edit, "ENTRY_ID", N_("Change the text or dates of an entry") },
  { "delete-entry", cmd_delete_entry, "ENTRY_ID", N_("Delete an entry") },
  { "profile", cmd_profile, "", N_("Show or change my own profile") },
  { "tags", cmd_tags, "", N_("List the tags in use") },
  { "help", cmd_help, "[COMMAND]", N_("Show help for the program or a command") },
};

static const NbCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (commands[i].name, name))
        return &commands[i];
    }

  return NULL;
}

static GOptionContext *
program_context (char     **db_path,
                 gboolean  *version,
                 gboolean  *help)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, db_path,
      N_("Use the database at PATH (default: $NETBOOK_DB, else Netbook’s own database)"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, version, N_("Print the version"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, help, N_("Show this help (“COMMAND --help” for a command)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *default_path = nb_store_get_default_path ();
  GOptionContext *context;
  int width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, (int) strlen (commands[i].name));

  g_string_append_printf (description, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (description, "  %-*s  %s\n", width, commands[i].name,
                            _(commands[i].summary));
  g_string_append_c (description, '\n');
  g_string_append_printf (description,
                          _("PERSON is an id or a name, matched case- and accent-insensitively.\n"
                            "Tab-separated output escapes backslash, tab, newline and carriage\n"
                            "return as \\\\, \\t, \\n and \\r.\n"
                            "The default database is %s.\n"
                            "Exit status: 0 success, 1 error, 2 usage error or unknown or\n"
                            "ambiguous person."),
                          default_path);
  g_string_append_c (description, '\n');

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_summary (context, _("Netbook’s relationship notebook, for scripts."));
  {
    g_autofree char *wrapped = wrap_text (description->str, 78);

    g_option_context_set_description (context, wrapped);
  }
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

static void
print_program_help (NbCli *cli)
{
  g_autofree char *db_path = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *usage = NULL;
  g_autofree char *text = NULL;
  gboolean version = FALSE;
  gboolean help = FALSE;

  context = program_context (&db_path, &version, &help);
  usage = g_strdup_printf ("%s %s", PROGRAM_NAME, _("[--db PATH] COMMAND [ARGS…]"));
  text = help_text (context, usage);
  cli_puts (cli, text);
}

static int
cmd_help (NbCli              *cli,
          const NbCliCommand *command,
          char              **args)
{
  const NbCliCommand *topic;
  int status;

  status = cli_parse (cli, command, NULL, NULL, &args, 0, 1);
  if (status != CONTINUE)
    return status;

  if (args[1] == NULL)
    {
      print_program_help (cli);
      return EXIT_OK;
    }

  topic = find_command (args[1]);
  if (topic == NULL)
    {
      if (!g_utf8_validate (args[1], -1, NULL))
        return cli_usage_error (cli, NULL, _("Unknown command"));
      return cli_usage_error (cli, NULL, _("Unknown command “%s”"), args[1]);
    }

  {
    g_auto(GStrv) topic_args = g_new0 (char *, 3);

    topic_args[0] = g_strdup (topic->name);
    topic_args[1] = g_strdup ("--help");
    return topic->func (cli, topic, topic_args);
  }
}

/* Whether --help or -h comes before the command. */
static gboolean
program_wants_help (char **args)
{
  for (guint i = 1; args[i] != NULL; i++)
    {
      const char *arg = args[i];

      if (g_str_equal (arg, "--db"))
        {
          if (args[i + 1] == NULL)
            break;
          i++;
          continue;
        }
      if (g_str_equal (arg, "-h") || g_str_equal (arg, "--help") ||
          g_str_equal (arg, "--help-all") || g_str_equal (arg, "-?"))
        return TRUE;
      if (g_str_equal (arg, "--") || arg[0] != '-')
        break;
    }

  return FALSE;
}

static int
cli_run (NbCli  *cli,
         int     argc,
         char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) command_args = NULL;
  g_autofree char *db_path = NULL;
  const NbCliCommand *command;
  gboolean version = FALSE;
  gboolean help = FALSE;
  guint n_args;

  args = g_new0 (char *, MAX (argc, 1) + 1);
  args[0] = g_strdup (argc > 0 && argv[0] != NULL ? argv[0] : PROGRAM_NAME);
  for (int i = 1; i < argc && argv[i] != NULL; i++)
    args[i] = g_strdup (argv[i]);

  if (program_wants_help (args))
    {
      print_program_help (cli);
      return EXIT_OK;
    }

  context = program_context (&db_path, &version, &help);
  if (!g_option_context_parse_strv (context, &args, &error))
    return cli_usage_error (cli, NULL, "%s", error->message);

  if (version)
    {
      cli_print (cli, "%s %s\n", PROGRAM_NAME, PACKAGE_VERSION);
      return EXIT_OK;
    }

  if (db_path != NULL && *db_path == '\0')
    return cli_usage_error (cli, NULL, _("--db needs the path of a database file"));

  cli->db_path = g_steal_pointer (&db_path);

  n_args = g_strv_length (args);
  if (n_args < 2)
    return cli_usage_error (cli, NULL, _("No command given"));

  command = find_command (args[1]);
  if (command == NULL)
    {
      if (!g_utf8_validate (args[1], -1, NULL))
        return cli_usage_error (cli, NULL, _("Unknown command"));
      return cli_usage_error (cli, NULL, _("Unknown command “%s”"), args[1]);
    }

  command_args = g_new0 (char *, n_args);
  for (guint i = 1; i < n_args; i++)
    command_args[i - 1] = g_strdup (args[i]);

  return command->func (cli, command, command_args);
}

int
nb_cli_run (int             argc,
            char          **argv,
            GInputStream   *in,
            GOutputStream  *out,
            GOutputStream  *err)
{
  NbCli cli = { 0, };
  int status;

  cli.in = in;
  cli.out = out;
  cli.err = err;
  cli.outbuf = g_string_new (NULL);

  status = cli_run (&cli, argc, argv);

  cli_flush (&cli);
  if (cli.write_failed && status == EXIT_OK)
    status = EXIT_ERROR;

  g_clear_object (&cli.store);
  g_free (cli.db_path);
  g_string_free (cli.outbuf, TRUE);

  return status;
}

int
nb_cli_main (int    argc,
             char **argv)
{
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GOutputStream) err = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname (PROGRAM_NAME);

  in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  err = g_unix_output_stream_new (STDERR_FILENO, FALSE);

  return nb_cli_run (argc, argv, in, out, err);
}
