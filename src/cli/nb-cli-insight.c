/* nb-cli-insight.c: trust, brief, backup, profile.
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

int
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

int
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

int
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

int
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
