/* nb-cli-export.c: export, restore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-backup.h"
#include "nb-cli-private.h"
#include "nb-export.h"
#include "nb-json.h"

/* ---- export ------------------------------------------------------------- */

/* Writes the export to standard output, after what is already queued. */
static gboolean
export_to_stdout (NbCli           *cli,
                  NbExportFormat   format,
                  GArray          *ids,
                  GError         **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  const gint64 *person_ids = ids->len > 0 ? (const gint64 *) ids->data : NULL;
  gboolean ok;

  cli_flush (cli);
  if (cli->write_failed)
    return TRUE;

  stream = g_buffered_output_stream_new_sized (cli->out, OUT_FLUSH_SIZE);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (stream), FALSE);

  switch (format)
    {
    case NB_EXPORT_VCARD:
      ok = nb_export_vcard (cli->store, person_ids, ids->len, stream, NULL, error);
      break;
    case NB_EXPORT_CSV:
      ok = nb_export_csv (cli->store, person_ids, ids->len, stream, NULL, error);
      break;
    case NB_EXPORT_JSON:
      ok = nb_json_export (cli->store, stream, NULL, error);
      break;
    case NB_EXPORT_MARKDOWN:
    default:
      g_assert_not_reached ();
    }

  return ok && g_output_stream_close (stream, NULL, error);
}

int
cmd_export (NbCli              *cli,
            const NbCliCommand *command,
            char              **args)
{
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) people = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  NbExportFormat format;
  int status;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_FILENAME, &format_text,
      N_("vcard, csv, json or markdown"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (a folder for markdown) instead of standard output"), N_("FILE") },
    { "person", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &people,
      N_("Only this person (repeat for more; not with json)"), N_("PERSON") },
    G_OPTION_ENTRY_NULL
  };

  status = cli_parse (cli, command, entries,
                      _("Exports everyone (archived people too), or the people named with "
                        "--person. vcard: vCard 4.0 cards; csv: one row per person, with a "
                        "header; json: the whole notebook (people, entries, events, profile), "
                        "which an empty notebook can import back; markdown: one NAME.md file "
                        "per person in the folder given with -o. A file given with -o is "
                        "replaced only once the export is complete."),
                      &args, 0, 0);
  if (status != CONTINUE)
    return status;

  if (format_text == NULL)
    return cli_usage_error (cli, command, _("--format is missing: use vcard, csv, json or markdown"));
  if (!nb_export_format_from_string (format_text, &format))
    {
      if (!g_utf8_validate (format_text, -1, NULL))
        return cli_usage_error (cli, command, _("Unknown format: use vcard, csv, json or markdown"));
      return cli_usage_error (cli, command, _("Unknown format “%s”: use vcard, csv, json or markdown"),
                              format_text);
    }
  if (output != NULL && *output == '\0')
    return cli_usage_error (cli, command, _("-o needs a file name"));
  if (format == NB_EXPORT_MARKDOWN && output == NULL)
    return cli_usage_error (cli, command, _("A markdown export is one file per person: give the folder with -o DIR"));
  if (format == NB_EXPORT_JSON && people != NULL)
    return cli_usage_error (cli, command, _("A json export always holds the whole notebook: leave out --person"));
  if (!cli_check_utf8_array (cli, "--person", (const char * const *) people))
    return EXIT_ERROR;

  if (!cli_open_store (cli))
    return EXIT_ERROR;

  for (guint i = 0; people != NULL && people[i] != NULL; i++)
    {
      g_autoptr(NbPerson) person = cli_resolve_person (cli, "--person", people[i], &status);
      gint64 id;

      if (person == NULL)
        return status;
      id = nb_person_get_id (person);
      g_array_append_val (ids, id);
    }

  if (output != NULL)
    {
      g_autoptr(GFile) dest = g_file_new_for_path (output);

      if (!nb_export_to_file (cli->store, format,
                              ids->len > 0 ? (const gint64 *) ids->data : NULL, ids->len,
                              dest, NULL, &error))
        return cli_store_error (cli, error);
      return EXIT_OK;
    }

  if (!export_to_stdout (cli, format, ids, &error))
    return cli_store_error (cli, error);

  return EXIT_OK;
}

/* ---- restore ------------------------------------------------------------ */

int
cmd_restore (NbCli              *cli,
             const NbCliCommand *command,
             char              **args)
{
  g_autofree char *default_path = NULL;
  g_autofree char *safety = NULL;
  g_autoptr(GError) error = NULL;
  const char *db_path;
  int status;

  status = cli_parse (cli, command, NULL,
                      _("Replaces the database by the backup FILE. FILE is checked first "
                        "(a whole, healthy Netbook notebook, not from a newer Netbook) and "
                        "nothing changes if it is refused. The current database is kept in "
                        "the backups folder beside it; its path is printed. Close Netbook "
                        "first: a database in use is not replaced."),
                      &args, 1, 1);
  if (status != CONTINUE)
    return status;

  if (*args[1] == '\0')
    return cli_usage_error (cli, command, _("FILE is empty"));

  /* Not cli_open_store(): the database must not be open, and a damaged
   * one (which the store refuses to open) is what restoring is for. */
  db_path = cli->db_path;
  if (db_path == NULL)
    {
      db_path = g_getenv ("NETBOOK_DB");
      if (db_path == NULL || *db_path == '\0')
        db_path = default_path = nb_store_get_default_path ();
    }

  if (!nb_backup_restore (db_path, args[1], &safety, &error))
    return cli_store_error (cli, error);

  if (safety != NULL)
    cli_print (cli, "%s\n", safety);

  return EXIT_OK;
}
