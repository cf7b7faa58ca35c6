/* nb-cli-entries.c: timelines: note, log, done, status, followups,
 * edit, delete-entry.
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

int
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

int
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

int
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

int
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

int
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

int
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

int
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
