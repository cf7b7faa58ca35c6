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
#include "nb-cli-private.h"
#include "nb-store.h"

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
  { "capture", cmd_capture, "", N_("Save everyone met at an event, one line each, from standard input") },
  { "done", cmd_done, "ENTRY_ID", N_("Mark a follow-up done") },
  { "status", cmd_status, "ENTRY_ID STATUS", N_("Set the status of a dream, challenge, need or follow-up") },
  { "followups", cmd_followups, "", N_("List open follow-ups, the soonest due first") },
  { "trust", cmd_trust, "PERSON", N_("Show know, like and trust, the stage and next steps") },
  { "brief", cmd_brief, "PERSON", N_("Print the pre-meeting briefing") },
  { "search", cmd_search, "QUERY", N_("Search people, their cards and timelines") },
  { "backup", cmd_backup, "FILE", N_("Copy the database to FILE") },
  { "restore", cmd_restore, "FILE", N_("Replace the database by a backup, keeping a copy of it") },
  { "export", cmd_export, "", N_("Export people as vCard, CSV or Markdown, or everything as JSON") },
  { "import", cmd_import, "FILE", N_("Import people from vCard, LinkedIn, CSV or JSON; merges duplicates") },
  { "set", cmd_set, "PERSON FIELD VALUE", N_("Change one field of a person’s card") },
  { "edit", cmd_edit, "ENTRY_ID", N_("Change the text or dates of an entry") },
  { "delete-entry", cmd_delete_entry, "ENTRY_ID", N_("Delete an entry") },
  { "profile", cmd_profile, "", N_("Show or change my own profile") },
  { "tags", cmd_tags, "", N_("List the tags in use") },
  { "help", cmd_help, "[COMMAND]", N_("Show help for the program or a command") },
};

const NbCliCommand *
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
