/* nb-cli-capture.c: capture, the after-event quick capture for scripts:
 * the same one-line syntax as the app's capture page, read from standard
 * input, saved in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-cli-private.h"
#include "nb-date.h"

/* How each line was resolved before saving. */
typedef enum {
  LINE_NEW,       /* a new person */
  LINE_MATCHED,   /* someone already known */
  LINE_SAME,      /* the same new person as an earlier line */
} LineMatch;

typedef struct {
  GPtrArray   *lines;     /* NbCaptureLine*, one per input line */
  LineMatch   *how;       /* per line */
  char       **names;     /* per line: the display name it is saved to */
  char       **reasons;   /* per line: why that person, or "" */
  GHashTable  *forced;    /* line number → gint64* person id, 0 = new */
} Capture;

static void
capture_clear (Capture *capture)
{
  g_clear_pointer (&capture->lines, g_ptr_array_unref);
  g_clear_pointer (&capture->how, g_free);
  g_clear_pointer (&capture->names, g_strfreev);
  g_clear_pointer (&capture->reasons, g_strfreev);
  g_clear_pointer (&capture->forced, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Capture, capture_clear)

/* --match N=ID or N=new. */
static int
parse_forced (NbCli              *cli,
              const NbCliCommand *command,
              char              **values,
              guint               n_lines,
              GHashTable         *forced)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      const char *value = values[i];
      const char *equals = strchr (value, '=');
      g_autofree char *number = NULL;
      guint64 line = 0;
      gint64 id = 0;

      if (equals != NULL)
        number = g_strndup (value, (gsize) (equals - value));

      if (equals == NULL ||
          !g_ascii_string_to_unsigned (number, 10, 1, G_MAXUINT, &line, NULL) ||
          (!g_str_equal (equals + 1, "new") &&
           !g_ascii_string_to_signed (equals + 1, 10, 1, G_MAXINT64, &id, NULL)))
        {
          if (!g_utf8_validate (value, -1, NULL))
            return cli_usage_error (cli, command, _("--match takes LINE=ID or LINE=new"));
          return cli_usage_error (cli, command, _("--match “%s”: use LINE=ID or LINE=new, for example 3=42"),
                                  value);
        }

      if (line > n_lines)
        return cli_usage_error (cli, command, _("--match %s: there is no line %u"), value, (guint) line);

      g_hash_table_insert (forced, GUINT_TO_POINTER ((guint) line), g_memdup2 (&id, sizeof id));
    }

  return CONTINUE;
}

/* Every problem of every line, on stderr; FALSE if there was one. */
static gboolean
check_lines (NbCli   *cli,
             Capture *capture)
{
  gboolean ok = TRUE;
  guint n_people = 0;

  for (guint i = 0; i < capture->lines->len; i++)
    {
      NbCaptureLine *line = g_ptr_array_index (capture->lines, i);

      if (nb_capture_line_is_blank (line))
        continue;
      n_people++;

      for (guint j = 0; j < line->problems->len; j++)
        {
          /* Translators: %u is a line number, %s what is wrong with it. */
          cli_error (cli, _("line %u: %s"), i + 1, (const char *) g_ptr_array_index (line->problems, j));
          ok = FALSE;
        }
    }

  if (ok && n_people == 0)
    {
      cli_error (cli, "%s", _("Nothing to capture: write one line per person met on standard input"));
      ok = FALSE;
    }

  return ok;
}

static void
print_candidates (NbCli     *cli,
                  GPtrArray *matches)
{
  g_autoptr(GString) lines = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    append_person_line (lines, ((NbMatch *) g_ptr_array_index (matches, i))->person);
  cli_write_err (cli, lines->str);
}

/* "maybe Robert Haddad (1), Bob Smith (7)": who a new person could be. */
static char *
maybe_text (GPtrArray *matches)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      NbPerson *person = ((NbMatch *) g_ptr_array_index (matches, i))->person;

      g_string_append_printf (names, "%s%s (%" G_GINT64_FORMAT ")", i > 0 ? ", " : "",
                              nb_person_get_display_name (person), nb_person_get_id (person));
    }

  /* Translators: %s lists people a new name could be. */
  return g_strdup_printf (_("maybe %s"), names->str);
}

/* Chooses each line's person. Returns CONTINUE, or the exit status after
 * explaining on stderr (2 for an ambiguous name). */
static int
resolve_lines (NbCli   *cli,
               Capture *capture)
{
  /* Folded name → the first line (index + 1) of that new person. */
  g_autoptr(GHashTable) new_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean ambiguous = FALSE;

  for (guint i = 0; i < capture->lines->len; i++)
    {
      NbCaptureLine *line = g_ptr_array_index (capture->lines, i);
      g_autoptr(GPtrArray) matches = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *folded = NULL;
      gint64 *forced;
      NbMatch *picked;
      guint first;

      /* No holes: names and reasons are freed as GStrv. */
      if (nb_capture_line_is_blank (line))
        {
          capture->names[i] = g_strdup ("");
          capture->reasons[i] = g_strdup ("");
          continue;
        }

      forced = g_hash_table_lookup (capture->forced, GUINT_TO_POINTER (i + 1));
      if (forced != NULL && *forced > 0)
        {
          g_autoptr(NbPerson) person = nb_store_get_person (cli->store, *forced, &error);

          if (person == NULL)
            {
              cli_error (cli, _("line %u: %s"), i + 1, error->message);
              return EXIT_ERROR;
            }
          line->person_id = *forced;
          capture->how[i] = LINE_MATCHED;
          capture->names[i] = g_strdup (nb_person_get_display_name (person));
          capture->reasons[i] = g_strdup ("--match");
          continue;
        }

      capture->names[i] = g_strdup (line->name);
      capture->reasons[i] = g_strdup (forced != NULL ? "--match" : "");
      /* The store's rule for one new person on two lines. */
      folded = nb_person_fold_text (line->name);

      if (forced == NULL)
        {
          matches = nb_store_match_name (cli->store, line->name, line->company, &error);
          if (matches == NULL)
            return cli_store_error (cli, error);

          picked = nb_match_pick (matches);
          if (picked != NULL)
            {
              line->person_id = nb_person_get_id (picked->person);
              capture->how[i] = LINE_MATCHED;
              g_free (capture->names[i]);
              capture->names[i] = g_strdup (nb_person_get_display_name (picked->person));
              g_free (capture->reasons[i]);
              capture->reasons[i] = g_strdup (picked->reason);
              continue;
            }

          if (matches->len > 0 && nb_match_is_confident (g_ptr_array_index (matches, 0)))
            {
              cli_error (cli, _("line %u: “%s” could be several people; choose with --match %u=ID or --match %u=new"),
                         i + 1, line->name, i + 1, i + 1);
              print_candidates (cli, matches);
              ambiguous = TRUE;
              continue;
            }

          if (matches->len > 0)
            {
              g_free (capture->reasons[i]);
              capture->reasons[i] = maybe_text (matches);
            }
        }

      line->person_id = 0;
      first = GPOINTER_TO_UINT (g_hash_table_lookup (new_names, folded));
      if (first > 0)
        {
          capture->how[i] = LINE_SAME;
          g_free (capture->names[i]);
          capture->names[i] = g_strdup (capture->names[first - 1]);
        }
      else
        {
          capture->how[i] = LINE_NEW;
          g_hash_table_insert (new_names, g_steal_pointer (&folded), GUINT_TO_POINTER (i + 1));
        }
    }

  return ambiguous ? EXIT_USAGE : CONTINUE;
}

static void
print_result (NbCli   *cli,
              Capture *capture,
              gint64   event_id,
              GArray  *person_ids)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *how_names[] = { [LINE_NEW] = "new", [LINE_MATCHED] = "matched", [LINE_SAME] = "same" };

  if (event_id > 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT "\n", event_id);
  else
    g_string_append (out, "-\n");

  for (guint i = 0; i < capture->lines->len; i++)
    {
      NbCaptureLine *line = g_ptr_array_index (capture->lines, i);
      char number[16];
      char id[32];

      if (nb_capture_line_is_blank (line))
        continue;

      g_snprintf (number, sizeof number, "%u", i + 1);
      if (person_ids != NULL)
        g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, g_array_index (person_ids, gint64, i));
      else if (line->person_id > 0)
        g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, line->person_id);
      else
        g_strlcpy (id, "-", sizeof id);

      append_tsv_line (out, number, id, how_names[capture->how[i]], capture->names[i],
                       line->followup_due != NULL ? line->followup_due : "-",
                       capture->reasons[i], NULL);
    }

  cli_puts (cli, out->str);
}

int
cmd_capture (NbCli              *cli,
             const NbCliCommand *command,
             char              **args)
{
  g_auto(Capture) capture = { NULL, };
  g_autofree char *event = NULL;
  g_autofree char *date = NULL;
  g_autofree char *place = NULL;
  g_autofree char *today = NULL;
  g_autofree char *input = NULL;
  g_autofree char *stripped_event = NULL;
  g_auto(GStrv) forced = NULL;
  g_autoptr(GArray) person_ids = NULL;
  g_autoptr(GError) error = NULL;
  gboolean dry_run = FALSE;
  gint64 event_id;
  int status;
  const GOptionEntry entries[] = {
    { "event", 0, 0, G_OPTION_ARG_FILENAME, &event, N_("The event where you met them (required)"), N_("NAME") },
    { "date", 0, 0, G_OPTION_ARG_FILENAME, &date, N_("The event’s date (default: today)"), N_("YYYY-MM-DD") },
    { "place", 0, 0, G_OPTION_ARG_FILENAME, &place, N_("Where the event was"), N_("PLACE") },
    { "match", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &forced,
      N_("Save line LINE to person ID, or to a new person (repeatable)"), N_("LINE=ID|LINE=new") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Show what would be saved, and save nothing"), NULL },
    G_OPTION_ENTRY_NULL
  };

  status = cli_parse (cli, command, entries,
                      _("Reads one line per person met at an event from standard input and saves "
                        "them all, or nothing, in one go: the event, new people, a conversation "
                        "for each line and the follow-ups.\n\n"
                        "A line is: NAME (COMPANY): NOTE #tag !WHEN — or NAME, COMPANY: NOTE. "
                        "!WHEN is today, tomorrow, a weekday (fri), next week, next month, "
                        "in N days|weeks|months or YYYY-MM-DD.\n\n"
                        "Each name is matched against the people already known; a name that "
                        "could be several people stops the capture (status 2) until --match "
                        "says who it is.\n\n"
                        "Prints the event id, then for each person line: "
                        "LINE<TAB>PERSON_ID<TAB>new|matched|same<TAB>NAME<TAB>FOLLOW_UP_DUE<TAB>WHY."),
                      &args, 0, 0);
  if (status != CONTINUE)
    return status;

  if (event == NULL)
    return cli_usage_error (cli, command, _("--event NAME is required"));

  if (!cli_check_utf8 (cli, "--event", event) ||
      !cli_check_utf8 (cli, "--place", place) ||
      !cli_check_date (cli, "--date", date, FALSE))
    return EXIT_ERROR;

  stripped_event = g_strstrip (g_strdup (event));
  if (*stripped_event == '\0')
    return cli_usage_error (cli, command, _("--event needs the event’s name"));

  input = cli_read_input (cli, "capture");
  if (input == NULL)
    return EXIT_ERROR;

  today = nb_date_today_iso ();
  capture.lines = nb_capture_parse_text (input, today);
  capture.how = g_new0 (LineMatch, MAX (capture.lines->len, 1));
  capture.names = g_new0 (char *, capture.lines->len + 1);
  capture.reasons = g_new0 (char *, capture.lines->len + 1);
  capture.forced = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);

  status = parse_forced (cli, command, forced, capture.lines->len, capture.forced);
  if (status != CONTINUE)
    return status;

  if (!check_lines (cli, &capture))
    return EXIT_ERROR;

  if (!cli_open_store (cli))
    return EXIT_ERROR;

  status = resolve_lines (cli, &capture);
  if (status != CONTINUE)
    return status;

  if (dry_run)
    {
      print_result (cli, &capture, 0, NULL);
      return EXIT_OK;
    }

  event_id = nb_store_save_capture (cli->store, stripped_event, date != NULL ? date : today,
                                    place, capture.lines, 0, &person_ids, &error);
  if (event_id == 0)
    return cli_store_error (cli, error);

  print_result (cli, &capture, event_id, person_ids);
  return EXIT_OK;
}
