/* nb-cli-util.c: output, validation, option parsing and the store,
 * shared by every command.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "nb-cli-private.h"
#include "nb-date.h"

/* ---- Output ----------------------------------------------------------- */



void
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

void
cli_maybe_flush (NbCli *cli)
{
  if (cli->outbuf->len >= OUT_FLUSH_SIZE)
    cli_flush (cli);
}

void
cli_puts (NbCli      *cli,
          const char *str)
{
  g_string_append (cli->outbuf, str);
  cli_maybe_flush (cli);
}

void
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

void
cli_write_err (NbCli      *cli,
               const char *str)
{
  /* Keep stdout and stderr in order on a terminal. */
  cli_flush (cli);
  if (cli->err != NULL)
    g_output_stream_write_all (cli->err, str, strlen (str), NULL, NULL, NULL);
}

/* "netbook-cli: MESSAGE\n" on stderr. */
void
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

int
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
void
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
void
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
void
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
void
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

gboolean
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

gboolean
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
gboolean
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
gboolean
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

int
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
GStrv
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
char *
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
char *
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

gboolean
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
char *
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
char *
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

GOptionContext *
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
int
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

gboolean
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
int
cli_store_error (NbCli  *cli,
                 GError *error)
{
  cli_error (cli, "%s", error->message);
  return EXIT_ERROR;
}

/* Resolves PERSON (an id or a name). On failure prints why, with the
 * candidates on stderr, and sets *@status: 2 for an unknown or ambiguous
 * person, 1 for anything else. */
NbPerson *
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
const char *
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

GHashTable *
person_cache_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

char *
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

char *
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

void
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
