/* test-person.c: the contact card.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-enum-types.h"
#include "nb-person.h"

typedef struct {
  guint count;
} NotifyCounter;

static void
on_notify_cb (GObject       *object,
              GParamSpec    *pspec,
              NotifyCounter *counter)
{
  counter->count++;
}

static gulong
count_notify (gpointer       object,
              const char    *property,
              NotifyCounter *counter)
{
  g_autofree char *detailed = g_strconcat ("notify::", property, NULL);

  return g_signal_connect (object, detailed, G_CALLBACK (on_notify_cb), counter);
}

static void
test_fields (void)
{
  /* Part of the public interface: database columns, CLI and JSON keys. */
  static const char * const keys[NB_PERSON_N_FIELDS] = {
    "display_name", "given_name", "family_name", "company", "role",
    "industry", "location", "emails", "phones", "urls", "met_date",
    "met_where", "target_market", "offers", "interests", "work_likes",
    "industry_news", "career_origin", "networks", "birthday",
  };
  NbPerson *person = nb_person_new ("Ada Lovelace");

  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    {
      NbPersonField field = NB_PERSON_DISPLAY_NAME;

      g_assert_cmpstr (nb_person_field_get_key ((NbPersonField) i), ==, keys[i]);
      g_assert_true (nb_person_field_from_key (keys[i], &field));
      g_assert_cmpint (field, ==, i);
      g_assert_cmpstr (nb_person_field_get_label ((NbPersonField) i), !=, "");

      /* Unset fields read as "", never NULL. */
      if (i != NB_PERSON_DISPLAY_NAME)
        g_assert_cmpstr (nb_person_get_field (person, (NbPersonField) i), ==, "");

      g_assert_cmpint (nb_person_field_is_multiline ((NbPersonField) i), ==,
                       i == NB_PERSON_EMAILS || i == NB_PERSON_PHONES || i == NB_PERSON_URLS);
    }

  g_assert_false (nb_person_field_from_key ("display-name", NULL));
  g_assert_false (nb_person_field_from_key ("", NULL));
  g_assert_false (nb_person_field_from_key (NULL, NULL));

  nb_person_set_field (person, NB_PERSON_INDUSTRY, "Engines");
  g_assert_cmpstr (nb_person_get_field (person, NB_PERSON_INDUSTRY), ==, "Engines");
  nb_person_set_field (person, NB_PERSON_INDUSTRY, NULL);
  g_assert_cmpstr (nb_person_get_field (person, NB_PERSON_INDUSTRY), ==, "");

  g_assert_finalize_object (person);
}

/* The fields share one block: setting one keeps every other, a field
 * can be set from another of the same card, and a card read all at
 * once notifies what changed. */
static void
test_fields_packed (void)
{
  NbPerson *person = nb_person_new (NULL);
  NbPerson *copy;
  const char *values[NB_PERSON_N_FIELDS] = { NULL };
  g_autofree char *big = g_strnfill (1024 * 1024, 'x');
  NotifyCounter name = { 0 }, role = { 0 }, company = { 0 }, subtitle = { 0 };

  /* Every field in turn, each with its own text, from the last to the
   * first so that each lands before those already set. */
  for (int i = NB_PERSON_N_FIELDS - 1; i >= 0; i--)
    {
      g_autofree char *text = g_strdup_printf ("field %d", i);

      nb_person_set_field (person, (NbPersonField) i, text);
      for (int j = 0; j < NB_PERSON_N_FIELDS; j++)
        {
          g_autofree char *expected = j >= i ? g_strdup_printf ("field %d", j) : g_strdup ("");

          g_assert_cmpstr (nb_person_get_field (person, (NbPersonField) j), ==, expected);
        }
    }

  /* From another field of the same card, and a long one in the middle. */
  nb_person_set_field (person, NB_PERSON_OFFERS,
                       nb_person_get_field (person, NB_PERSON_BIRTHDAY));
  g_assert_cmpstr (nb_person_get_field (person, NB_PERSON_OFFERS), ==, "field 19");
  nb_person_set_field (person, NB_PERSON_LOCATION, big);
  g_assert_cmpstr (nb_person_get_field (person, NB_PERSON_LOCATION), ==, big);
  g_assert_cmpstr (nb_person_get_field (person, NB_PERSON_INDUSTRY), ==, "field 5");
  g_assert_cmpstr (nb_person_get_field (person, NB_PERSON_EMAILS), ==, "field 7");

  copy = nb_person_copy (person);
  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    g_assert_cmpstr (nb_person_get_field (copy, (NbPersonField) i), ==,
                     nb_person_get_field (person, (NbPersonField) i));

  /* Emptied one by one: a card with no field at all reads "" everywhere. */
  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    nb_person_set_field (person, (NbPersonField) i, i % 2 == 0 ? "" : NULL);
  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    g_assert_cmpstr (nb_person_get_field (person, (NbPersonField) i), ==, "");
  /* The copy kept its own. */
  g_assert_cmpstr (nb_person_get_field (copy, NB_PERSON_LOCATION), ==, big);
  g_assert_finalize_object (copy);

  /* All at once: only what changed is notified. */
  count_notify (person, "display-name", &name);
  count_notify (person, "role", &role);
  count_notify (person, "company", &company);
  count_notify (person, "subtitle", &subtitle);
  values[NB_PERSON_DISPLAY_NAME] = "Grace Hopper";
  values[NB_PERSON_ROLE] = "Admiral";
  values[NB_PERSON_NETWORKS] = "Navy";
  nb_person_set_fields (person, values);
  g_assert_cmpstr (nb_person_get_display_name (person), ==, "Grace Hopper");
  g_assert_cmpstr (nb_person_get_role (person), ==, "Admiral");
  g_assert_cmpstr (nb_person_get_field (person, NB_PERSON_NETWORKS), ==, "Navy");
  g_assert_cmpstr (nb_person_get_company (person), ==, "");
  g_assert_cmpuint (name.count, ==, 1);
  g_assert_cmpuint (role.count, ==, 1);
  g_assert_cmpuint (company.count, ==, 0);
  g_assert_cmpuint (subtitle.count, ==, 1);

  nb_person_set_fields (person, values);
  g_assert_cmpuint (name.count + role.count + company.count + subtitle.count, ==, 3);

  values[NB_PERSON_ROLE] = "";
  values[NB_PERSON_COMPANY] = "Navy";
  nb_person_set_fields (person, values);
  g_assert_cmpuint (role.count, ==, 2);
  g_assert_cmpuint (company.count, ==, 1);
  g_assert_cmpuint (subtitle.count, ==, 2);
  g_assert_cmpstr (nb_person_get_company (person), ==, "Navy");
  g_assert_cmpstr (nb_person_get_role (person), ==, "");

  g_assert_finalize_object (person);
}

static void
test_properties_notify (void)
{
  NbPerson *person = nb_person_new ("Ada");
  NotifyCounter name = { 0 }, role = { 0 }, company = { 0 }, subtitle = { 0 };
  g_autofree char *value = NULL;

  count_notify (person, "display-name", &name);
  count_notify (person, "role", &role);
  count_notify (person, "company", &company);
  count_notify (person, "subtitle", &subtitle);

  nb_person_set_field (person, NB_PERSON_DISPLAY_NAME, "Ada Lovelace");
  nb_person_set_field (person, NB_PERSON_DISPLAY_NAME, "Ada Lovelace");
  g_assert_cmpuint (name.count, ==, 1);
  g_assert_cmpuint (subtitle.count, ==, 0);

  nb_person_set_field (person, NB_PERSON_ROLE, "Analyst");
  nb_person_set_field (person, NB_PERSON_ROLE, "Analyst");
  g_assert_cmpuint (role.count, ==, 1);
  g_assert_cmpuint (subtitle.count, ==, 1);

  g_object_set (person, "company", "Engines Ltd", NULL);
  g_object_set (person, "company", "Engines Ltd", NULL);
  g_assert_cmpuint (company.count, ==, 1);
  g_assert_cmpuint (subtitle.count, ==, 2);

  /* Fields without a property change nothing visible to bindings. */
  nb_person_set_field (person, NB_PERSON_LOCATION, "London");
  g_assert_cmpuint (name.count + role.count + company.count + subtitle.count, ==, 5);

  g_object_get (person, "subtitle", &value, NULL);
  g_assert_cmpstr (value, ==, "Analyst · Engines Ltd");

  g_assert_finalize_object (person);
}

static void
test_subtitle (void)
{
  NbPerson *person = nb_person_new ("Ada");
  g_autofree char *empty = nb_person_dup_subtitle (person);
  g_autofree char *company = NULL;
  g_autofree char *role = NULL;

  g_assert_cmpstr (empty, ==, "");

  nb_person_set_field (person, NB_PERSON_COMPANY, "Engines Ltd");
  company = nb_person_dup_subtitle (person);
  g_assert_cmpstr (company, ==, "Engines Ltd");

  nb_person_set_field (person, NB_PERSON_COMPANY, "");
  nb_person_set_field (person, NB_PERSON_ROLE, "Analyst");
  role = nb_person_dup_subtitle (person);
  g_assert_cmpstr (role, ==, "Analyst");

  g_assert_finalize_object (person);
}

static void
test_initials (void)
{
  static const struct {
    const char *name;
    const char *initials;
  } cases[] = {
    { "Ada Lovelace", "AL" },
    { "ada byron lovelace", "AL" },
    { "Zoë Ångström", "ZÅ" },
    { "<b>Bob</b> & \"Sons\"", "BS" },
    { "  Jean-Luc   Picard  ", "JP" },
    { "Madonna", "M" },
    { "E\xcc\x81mile Zola", "ÉZ" },        /* decomposed É */
    { "élodie durand", "ÉD" },
    { "3M & Partners", "MP" },
    { "& — !", "" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NbPerson) person = nb_person_new (cases[i].name);
      g_autofree char *initials = nb_person_dup_initials (person);

      g_assert_cmpstr (initials, ==, cases[i].initials);
    }
}

static void
test_fold_text (void)
{
  static const struct {
    const char *text;
    const char *folded;
  } cases[] = {
    { "Zoë", "zoe" },
    { "ÅNGSTRÖM", "angstrom" },
    { "Straße", "strasse" },
    { "E\xcc\x81mile", "emile" },
    { "Łukasz", "łukasz" },   /* a letter of its own, not an accent */
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = nb_person_fold_text (cases[i].text);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
}

static void
test_sort_key (void)
{
  g_autoptr(NbPerson) person = nb_person_new ("Élodie DURAND");
  g_autofree char *from_display = nb_person_dup_sort_key (person);
  g_autofree char *from_family = NULL;
  g_autofree char *from_given = NULL;
  g_autoptr(NbPerson) zoe = nb_person_new ("Zoë Ångström");
  g_autoptr(NbPerson) anna = nb_person_new ("Anna Zander");
  g_autofree char *zoe_key = NULL;
  g_autofree char *anna_key = NULL;

  g_assert_cmpstr (from_display, ==, "elodie durand");

  nb_person_set_field (person, NB_PERSON_GIVEN_NAME, "Élodie");
  from_given = nb_person_dup_sort_key (person);
  g_assert_cmpstr (from_given, ==, "elodie");

  nb_person_set_field (person, NB_PERSON_FAMILY_NAME, "Durand");
  from_family = nb_person_dup_sort_key (person);
  g_assert_cmpstr (from_family, ==, "durand elodie");

  /* By family name: Ångström before Zander although Anna < Zoë. */
  nb_person_set_field (zoe, NB_PERSON_GIVEN_NAME, "Zoë");
  nb_person_set_field (zoe, NB_PERSON_FAMILY_NAME, "Ångström");
  nb_person_set_field (anna, NB_PERSON_GIVEN_NAME, "Anna");
  nb_person_set_field (anna, NB_PERSON_FAMILY_NAME, "Zander");
  zoe_key = nb_person_dup_sort_key (zoe);
  anna_key = nb_person_dup_sort_key (anna);
  g_assert_cmpstr (zoe_key, ==, "angstrom zoe");
  g_assert_cmpint (g_strcmp0 (zoe_key, anna_key), <, 0);
}

static void
test_values (void)
{
  g_autoptr(NbPerson) person = nb_person_new ("Ada");
  g_auto(GStrv) emails = NULL;
  g_auto(GStrv) none = NULL;

  nb_person_set_field (person, NB_PERSON_EMAILS, "ada@example.com\n\n  ada@work.example \n\n");
  emails = nb_person_dup_values (person, NB_PERSON_EMAILS);
  g_assert_cmpuint (g_strv_length (emails), ==, 2);
  g_assert_cmpstr (emails[0], ==, "ada@example.com");
  g_assert_cmpstr (emails[1], ==, "ada@work.example");

  none = nb_person_dup_values (person, NB_PERSON_PHONES);
  g_assert_nonnull (none);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_tags (void)
{
  NbPerson *person = nb_person_new ("Ada");
  const char * const messy[] = { " mentor", "bni", "mentor", "", "   ", "Accountant", NULL };
  const char * const same[] = { "Accountant", "bni", "mentor", NULL };
  const char * const *tags;
  NotifyCounter counter = { 0 };

  tags = nb_person_get_tags (person);
  g_assert_nonnull (tags);
  g_assert_null (tags[0]);

  count_notify (person, "tags", &counter);

  nb_person_set_tags (person, messy);
  tags = nb_person_get_tags (person);
  g_assert_cmpuint (g_strv_length ((GStrv) tags), ==, 3);
  g_assert_cmpstr (tags[0], ==, "Accountant");
  g_assert_cmpstr (tags[1], ==, "bni");
  g_assert_cmpstr (tags[2], ==, "mentor");
  g_assert_cmpuint (counter.count, ==, 1);

  nb_person_set_tags (person, same);
  g_assert_cmpuint (counter.count, ==, 1);

  g_assert_true (nb_person_has_tag (person, "mentor"));
  g_assert_false (nb_person_has_tag (person, " mentor"));
  g_assert_false (nb_person_has_tag (person, "Mentor"));

  /* Many people share few tags: one copy of each tag for all. */
  {
    g_autoptr(NbPerson) other = nb_person_new ("Grace");
    g_autoptr(NbPerson) copy = nb_person_copy (person);
    const char * const mentor[] = { "mentor ", NULL };

    nb_person_set_tags (other, mentor);
    g_assert_true (nb_person_get_tags (other)[0] == nb_person_get_tags (person)[2]);
    g_assert_true (nb_person_get_tags (copy)[2] == nb_person_get_tags (person)[2]);
    g_assert_true (nb_person_get_tags (other)[0] == g_intern_static_string ("mentor"));
  }

  nb_person_set_tags (person, NULL);
  g_assert_null (nb_person_get_tags (person)[0]);
  g_assert_cmpuint (counter.count, ==, 2);

  g_assert_finalize_object (person);
}

static void
test_settings (void)
{
  NbPerson *person = nb_person_new ("Ada");
  NotifyCounter archived = { 0 }, cadence = { 0 }, rapport = { 0 }, id = { 0 };
  gboolean archived_value = FALSE;

  count_notify (person, "archived", &archived);
  count_notify (person, "cadence-days", &cadence);
  count_notify (person, "rapport", &rapport);
  count_notify (person, "id", &id);

  nb_person_set_archived (person, TRUE);
  nb_person_set_archived (person, TRUE);
  nb_person_set_cadence_days (person, 30);
  nb_person_set_cadence_days (person, 30);
  nb_person_set_rapport (person, 4);
  nb_person_set_rapport (person, 4);
  nb_person_set_id (person, 7);
  nb_person_set_id (person, 7);
  nb_person_set_introduced_by (person, 3);
  nb_person_set_timestamps (person, 100, 200);

  g_assert_cmpuint (archived.count, ==, 1);
  g_assert_cmpuint (cadence.count, ==, 1);
  g_assert_cmpuint (rapport.count, ==, 1);
  g_assert_cmpuint (id.count, ==, 1);

  g_object_get (person, "archived", &archived_value, NULL);
  g_assert_true (archived_value);
  g_assert_true (nb_person_get_archived (person));
  g_assert_cmpuint (nb_person_get_cadence_days (person), ==, 30);
  g_assert_cmpuint (nb_person_get_rapport (person), ==, 4);
  g_assert_cmpint (nb_person_get_id (person), ==, 7);
  g_assert_cmpint (nb_person_get_introduced_by (person), ==, 3);
  g_assert_cmpint (nb_person_get_created (person), ==, 100);
  g_assert_cmpint (nb_person_get_updated (person), ==, 200);

  g_assert_finalize_object (person);
}

static void
test_summary (void)
{
  NbPerson *person = nb_person_new ("Ada");
  NotifyCounter last = { 0 }, due = { 0 }, stage = { 0 }, score = { 0 };
  NbStage stage_value = NB_STAGE_VISIBILITY;
  guint score_value = 0;

  g_assert_cmpstr (nb_person_get_last_contact (person), ==, "");
  g_assert_cmpint (nb_person_get_stage (person), ==, NB_STAGE_VISIBILITY);

  count_notify (person, "last-contact", &last);
  count_notify (person, "due-followups", &due);
  count_notify (person, "stage", &stage);
  count_notify (person, "trust-score", &score);

  nb_person_set_summary (person, "2024-05-02", 2, NB_STAGE_CREDIBILITY, 42);
  nb_person_set_summary (person, "2024-05-02", 2, NB_STAGE_CREDIBILITY, 42);
  g_assert_cmpuint (last.count, ==, 1);
  g_assert_cmpuint (due.count, ==, 1);
  g_assert_cmpuint (stage.count, ==, 1);
  g_assert_cmpuint (score.count, ==, 1);

  nb_person_set_summary (person, "2024-05-02", 0, NB_STAGE_CREDIBILITY, 42);
  g_assert_cmpuint (last.count, ==, 1);
  g_assert_cmpuint (due.count, ==, 2);

  g_object_get (person, "stage", &stage_value, "trust-score", &score_value, NULL);
  g_assert_cmpint (stage_value, ==, NB_STAGE_CREDIBILITY);
  g_assert_cmpuint (score_value, ==, 42);
  g_assert_cmpstr (nb_person_get_last_contact (person), ==, "2024-05-02");
  g_assert_cmpuint (nb_person_get_due_followups (person), ==, 0);

  nb_person_set_summary (person, NULL, 0, NB_STAGE_VISIBILITY, 0);
  g_assert_cmpstr (nb_person_get_last_contact (person), ==, "");

  g_assert_finalize_object (person);
}

static void
test_copy (void)
{
  NbPerson *person = nb_person_new ("Ada Lovelace");
  NbPerson *copy;
  const char * const tags[] = { "mentor", NULL };

  nb_person_set_id (person, 12);
  nb_person_set_field (person, NB_PERSON_TARGET_MARKET, "Engine builders");
  nb_person_set_tags (person, tags);
  nb_person_set_cadence_days (person, 45);
  nb_person_set_rapport (person, 3);
  nb_person_set_introduced_by (person, 4);
  nb_person_set_timestamps (person, 10, 20);
  nb_person_set_summary (person, "2024-01-01", 1, NB_STAGE_PROFITABILITY, 77);

  copy = nb_person_copy (person);
  g_assert_true (copy != person);
  g_assert_cmpint (nb_person_get_id (copy), ==, 12);
  g_assert_cmpstr (nb_person_get_display_name (copy), ==, "Ada Lovelace");
  g_assert_cmpstr (nb_person_get_field (copy, NB_PERSON_TARGET_MARKET), ==, "Engine builders");
  g_assert_true (nb_person_has_tag (copy, "mentor"));
  g_assert_cmpuint (nb_person_get_cadence_days (copy), ==, 45);
  g_assert_cmpuint (nb_person_get_rapport (copy), ==, 3);
  g_assert_cmpint (nb_person_get_introduced_by (copy), ==, 4);
  g_assert_cmpint (nb_person_get_created (copy), ==, 10);
  g_assert_cmpstr (nb_person_get_last_contact (copy), ==, "2024-01-01");
  g_assert_cmpint (nb_person_get_stage (copy), ==, NB_STAGE_PROFITABILITY);
  g_assert_cmpuint (nb_person_get_trust_score (copy), ==, 77);

  /* Deep: changing the copy leaves the original alone. */
  nb_person_set_field (copy, NB_PERSON_TARGET_MARKET, "Weavers");
  nb_person_set_tags (copy, NULL);
  g_assert_cmpstr (nb_person_get_field (person, NB_PERSON_TARGET_MARKET), ==, "Engine builders");
  g_assert_true (nb_person_has_tag (person, "mentor"));

  g_assert_finalize_object (copy);
  g_assert_finalize_object (person);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/person/fields", test_fields);
  g_test_add_func ("/person/fields/packed", test_fields_packed);
  g_test_add_func ("/person/properties/notify", test_properties_notify);
  g_test_add_func ("/person/subtitle", test_subtitle);
  g_test_add_func ("/person/initials", test_initials);
  g_test_add_func ("/person/fold-text", test_fold_text);
  g_test_add_func ("/person/sort-key", test_sort_key);
  g_test_add_func ("/person/values", test_values);
  g_test_add_func ("/person/tags", test_tags);
  g_test_add_func ("/person/settings", test_settings);
  g_test_add_func ("/person/summary", test_summary);
  g_test_add_func ("/person/copy", test_copy);

  return g_test_run ();
}
