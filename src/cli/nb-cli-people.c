/* nb-cli-people.c: people: add, list, search, tags, show, set.
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

int
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

int
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

int
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

int
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

int
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

int
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
