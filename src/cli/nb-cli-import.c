/* nb-cli-import.c: import.
 *
 * The file is read and parsed before the store is opened, so that a
 * file that cannot be read or is not of its format leaves the database
 * alone (not even created); the import itself is one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-cli-private.h"
#include "nb-import.h"

int
cmd_import (NbCli              *cli,
            const NbCliCommand *command,
            char              **args)
{
  g_autofree char *format_name = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(NbImportOptions) options = NULL;
  g_autoptr(NbImportBatch) batch = NULL;
  g_autoptr(NbImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  NbImportFormat format = NB_IMPORT_FORMAT_AUTO;
  int status;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("vcard, linkedin, csv or json (default: detected from the content)"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  status = cli_parse (cli, command, entries,
                      _("Imports people from a vCard file (phones, Google, Apple, Outlook, "
                        "GNOME Contacts), LinkedIn’s Connections.csv, a CSV file with a "
                        "header row, or a Netbook JSON export (into an empty notebook). "
                        "People already in the notebook (same email, profile URL or name) "
                        "are merged: empty fields are filled, new emails, phones, URLs and "
                        "tags added, nothing changed. Prints “added: N”, “merged: N” and "
                        "“skipped: N”, then one tab-separated “skipped” line per record left "
                        "out (card or line, reason) and “warning” lines for parts left out. "
                        "A file that cannot be read or is not of its format changes nothing."),
                      &args, 1, 1);
  if (status != CONTINUE)
    return status;

  if (format_name != NULL && !nb_import_format_from_string (format_name, &format))
    {
      if (!g_utf8_validate (format_name, -1, NULL))
        return cli_usage_error (cli, command, _("Unknown --format; use vcard, linkedin, csv or json"));
      return cli_usage_error (cli, command, _("Unknown --format “%s”; use vcard, linkedin, csv or json"),
                              format_name);
    }

  if (*args[1] == '\0')
    return cli_usage_error (cli, command, _("FILE is empty"));

  options = nb_import_options_new ();
  nb_import_options_set_format (options, format);

  file = g_file_new_for_commandline_arg (args[1]);
  data = nb_import_load_file (file, NULL, &error);
  if (data != NULL)
    batch = nb_import_batch_read (data, options, NULL, NULL, NULL, &error);
  if (batch == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Loading names the file already; a content error does not. */
      if (data != NULL)
        cli_error (cli, "%s: %s", name, error->message);
      else
        cli_error (cli, "%s", error->message);
      return EXIT_ERROR;
    }

  if (!cli_open_store (cli))
    return EXIT_ERROR;

  report = nb_import_batch_write (batch, cli->store, NULL, NULL, NULL, &error);
  if (report == NULL)
    return cli_store_error (cli, error);

  cli_print (cli, "added: %u\n", report->added);
  cli_print (cli, "merged: %u\n", report->merged);
  cli_print (cli, "skipped: %u\n", report->skipped);

  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < report->issues->len; i++)
        {
          NbImportIssue *issue = g_ptr_array_index (report->issues, i);
          g_autofree char *place = NULL;

          if (issue->skipped != (pass == 0))
            continue;

          place = nb_import_issue_dup_place (issue);
          append_tsv_line (cli->outbuf, issue->skipped ? "skipped" : "warning", place,
                           issue->reason, NULL);
          cli_maybe_flush (cli);
        }
    }

  return EXIT_OK;
}
