/* test-import-merge.c: duplicates are merged, never duplicated, and what
 * the user typed is never overwritten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "import-test-util.h"
#include "nb-import.h"

#define TODAY "2024-05-15"

static NbImportReport *
import_text (NbStore    *store,
             const char *text)
{
  g_autoptr(GBytes) data = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  NbImportReport *report;

  report = nb_import_bytes (store, data, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return report;
}

static NbImportReport *
import_fixture (NbStore    *store,
                const char *name)
{
  g_autoptr(GBytes) data = test_fixture (name);
  g_autoptr(GError) error = NULL;
  NbImportReport *report;

  report = nb_import_bytes (store, data, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return report;
}

static gint64
add_person (NbStore    *store,
            const char *name,
            const char *emails,
            const char *urls)
{
  g_autoptr(NbPerson) person = nb_person_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  nb_person_set_field (person, NB_PERSON_EMAILS, emails);
  nb_person_set_field (person, NB_PERSON_URLS, urls);
  id = nb_store_add_person (store, person, &error);
  g_assert_no_error (error);
  return id;
}

static NbPerson *
get (NbStore *store,
     gint64   id)
{
  g_autoptr(GError) error = NULL;
  NbPerson *person = nb_store_get_person (store, id, &error);

  g_assert_no_error (error);
  return person;
}

static guint
count_entries (NbStore *store,
               gint64   id)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = nb_store_list_entries (store, id, &error);
  g_assert_no_error (error);
  return entries->len;
}

static void
assert_values (NbPerson           *person,
               NbPersonField       field,
               const char * const *expected)
{
  g_auto(GStrv) values = test_values (person, field);

  g_assert_cmpstrv (values, expected);
}

/* What the user typed stays; empty fields fill; values add up. */
static void
test_never_overwrites (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbPerson) typed = nb_person_new ("Maria Rossi");
  g_autoptr(NbPerson) maria = NULL;
  g_autoptr(NbImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "friends", NULL };
  gint64 id;

  nb_person_set_field (typed, NB_PERSON_COMPANY, "Typed Co");
  nb_person_set_field (typed, NB_PERSON_BIRTHDAY, "1982-03-01");
  nb_person_set_field (typed, NB_PERSON_EMAILS, "MARIA@rossi-design.example");
  nb_person_set_field (typed, NB_PERSON_PHONES, "+39 (333) 123-4567");
  nb_person_set_tags (typed, tags);
  id = nb_store_add_person (store, typed, &error);
  g_assert_no_error (error);

  report = import_fixture (store, "google-3.0.vcf");
  g_assert_cmpuint (report->added, ==, 1);
  g_assert_cmpuint (report->merged, ==, 1);

  maria = get (store, id);
  g_assert_cmpstr (nb_person_get_display_name (maria), ==, "Maria Rossi");
  g_assert_cmpstr (nb_person_get_company (maria), ==, "Typed Co");
  g_assert_cmpstr (nb_person_get_field (maria, NB_PERSON_BIRTHDAY), ==, "1982-03-01");
  g_assert_cmpstr (nb_person_get_role (maria), ==, "Creative Director");
  g_assert_cmpstr (nb_person_get_field (maria, NB_PERSON_LOCATION), ==, "Milano, MI, Italia");
  /* The typed address first, exactly as typed; the same number in
   * another spelling is not added again. */
  assert_values (maria, NB_PERSON_EMAILS, (const char *[]) { "MARIA@rossi-design.example",
                                                            "maria.rossi@gmail.example",
                                                            "maria@studio.example", NULL });
  assert_values (maria, NB_PERSON_PHONES, (const char *[]) { "+39 (333) 123-4567", NULL });
  assert_values (maria, NB_PERSON_URLS, (const char *[]) { "https://www.linkedin.com/in/mariarossi", NULL });
  g_assert_true (nb_person_has_tag (maria, "friends"));
  g_assert_true (nb_person_has_tag (maria, "Designers"));
  g_assert_cmpuint (count_entries (store, id), ==, 1);
}

static void
test_match_by_email_url_name (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbImportReport) report = NULL;
  g_autoptr(NbPerson) ada = NULL;
  g_autoptr(NbPerson) maria = NULL;
  g_autoptr(NbPerson) guenther = NULL;
  gint64 ada_id, maria_id, guenther_id;

  /* Another name, the same email. */
  ada_id = add_person (store, "Ada O.", " Ada@Okafor.example ", "");
  /* The profile URL without scheme, "www." or with a trailing slash. */
  maria_id = add_person (store, "M. Rossi", "", "linkedin.com/in/MariaRossi/");
  /* Only the name, in another case and spacing, without accents. */
  guenther_id = add_person (store, "  gunther   WEISS ", "", "");

  report = import_fixture (store, "linkedin-connections.csv");
  g_assert_cmpuint (report->added, ==, 1);
  g_assert_cmpuint (report->merged, ==, 3);
  g_assert_cmpuint (report->skipped, ==, 1);
  g_assert_cmpuint (test_count_people (store), ==, 4);

  ada = get (store, ada_id);
  g_assert_cmpstr (nb_person_get_display_name (ada), ==, "Ada O.");
  g_assert_cmpstr (nb_person_get_company (ada), ==, "Okafor, Nwosu & Partners");
  g_assert_cmpstr (nb_person_get_field (ada, NB_PERSON_GIVEN_NAME), ==, "Ada");
  assert_values (ada, NB_PERSON_URLS, (const char *[]) { "https://www.linkedin.com/in/adaokafor", NULL });

  maria = get (store, maria_id);
  assert_values (maria, NB_PERSON_URLS, (const char *[]) { "linkedin.com/in/MariaRossi/", NULL });
  g_assert_cmpstr (nb_person_get_field (maria, NB_PERSON_MET_DATE), ==, "2023-11-05");

  guenther = get (store, guenther_id);
  g_assert_cmpstr (nb_person_get_display_name (guenther), ==, "  gunther   WEISS ");
  g_assert_cmpstr (nb_person_get_company (guenther), ==, "Müller & Söhne GmbH");
  g_assert_cmpuint (count_entries (store, guenther_id), ==, 1);
}

/* "gunther" is not "günther" after folding… unless accents go: they do. */
static void
test_ambiguous_name (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbImportReport) report = NULL;

  add_person (store, "Bob Smith", "", "");
  add_person (store, "Bob Smith", "bob@two.example", "");

  report = import_text (store, "BEGIN:VCARD\nVERSION:3.0\nFN:Bob Smith\nORG:Three\nEND:VCARD\n"
                               "BEGIN:VCARD\nVERSION:3.0\nFN:Bob Smith\nEMAIL:bob@two.example\nEND:VCARD\n");
  g_assert_cmpuint (report->added, ==, 1);
  g_assert_cmpuint (report->merged, ==, 1);
  g_assert_cmpuint (test_count_people (store), ==, 3);
}

static void
test_within_file (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbImportReport) report = NULL;
  g_autoptr(NbPerson) ada = NULL;

  report = import_text (store,
                        "BEGIN:VCARD\nVERSION:3.0\nFN:Ada Okafor\nEMAIL:ada@okafor.example\nEND:VCARD\n"
                        "BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nEMAIL:ADA@okafor.example\nTEL:+1 555\n"
                        "EMAIL:ada@home.example\nEND:VCARD\n"
                        "BEGIN:VCARD\nVERSION:3.0\nFN:A. Okafor\nEMAIL:ada@home.example\nORG:Okafor\nEND:VCARD\n");
  g_assert_cmpuint (report->added, ==, 1);
  g_assert_cmpuint (report->merged, ==, 2);

  ada = test_find_person (store, "Ada Okafor");
  assert_values (ada, NB_PERSON_EMAILS, (const char *[]) { "ada@okafor.example", "ada@home.example", NULL });
  assert_values (ada, NB_PERSON_PHONES, (const char *[]) { "+1 555", NULL });
  g_assert_cmpstr (nb_person_get_company (ada), ==, "Okafor");
}

/* Importing the same files again adds nothing. */
static void
test_again (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  const char *fixtures[] = { "linkedin-connections.csv", "android-2.1.vcf", "google-3.0.vcf",
                             "google-contacts.csv", "apple-3.0.vcf", "outlook-contacts.csv" };
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  guint entries_before = 0;
  guint entries_after = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(NbImportReport) report = import_fixture (store, fixtures[i]);
    }

  before = nb_store_list_people (store, NULL, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < before->len; i++)
    entries_before += count_entries (store, nb_person_get_id (g_ptr_array_index (before, i)));

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(NbImportReport) report = import_fixture (store, fixtures[i]);

      g_test_message ("%s", fixtures[i]);
      g_assert_cmpuint (report->added, ==, 0);
    }

  after = nb_store_list_people (store, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    {
      NbPerson *a = g_ptr_array_index (before, i);
      NbPerson *b = g_ptr_array_index (after, i);

      entries_after += count_entries (store, nb_person_get_id (b));
      for (guint f = 0; f < NB_PERSON_N_FIELDS; f++)
        g_assert_cmpstr (nb_person_get_field (a, (NbPersonField) f), ==,
                         nb_person_get_field (b, (NbPersonField) f));
    }
  g_assert_cmpuint (entries_after, ==, entries_before);
}

/* A LinkedIn connection on a person whose met date the user typed. */
static void
test_connection_entry (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbPerson) typed = nb_person_new ("Hana Nakamura");
  g_autoptr(NbPerson) hana = NULL;
  g_autoptr(NbImportReport) first = NULL;
  g_autoptr(NbImportReport) second = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  nb_person_set_field (typed, NB_PERSON_MET_DATE, "2019-06-01");
  id = nb_store_add_person (store, typed, &error);
  g_assert_no_error (error);

  first = import_fixture (store, "linkedin-connections.csv");
  second = import_fixture (store, "linkedin-connections.csv");

  hana = get (store, id);
  g_assert_cmpstr (nb_person_get_field (hana, NB_PERSON_MET_DATE), ==, "2019-06-01");
  g_assert_cmpuint (count_entries (store, id), ==, 1);
}

static void
test_photos (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GBytes) mine = g_bytes_new_static ("\xFF\xD8\xFF mine", 8);
  g_autoptr(NbPerson) with_photo = nb_person_new ("Zoë Ångström");
  g_autoptr(NbPerson) zoe = NULL;
  g_autoptr(NbPerson) jurgen = NULL;
  g_autoptr(NbImportReport) apple = NULL;
  g_autoptr(NbImportReport) android = NULL;
  g_autoptr(GError) error = NULL;
  gint64 zoe_id, jurgen_id;

  nb_person_set_photo (with_photo, mine);
  zoe_id = nb_store_add_person (store, with_photo, &error);
  g_assert_no_error (error);
  jurgen_id = add_person (store, "Jürgen Müller", "", "");

  apple = import_fixture (store, "apple-3.0.vcf");
  android = import_fixture (store, "android-2.1.vcf");
  g_assert_cmpuint (apple->merged, ==, 1);
  g_assert_cmpuint (android->merged, ==, 1);

  zoe = get (store, zoe_id);
  g_assert_true (g_bytes_equal (nb_person_get_photo (zoe), mine));
  jurgen = get (store, jurgen_id);
  g_assert_nonnull (nb_person_get_photo (jurgen));
  g_assert_cmpuint (g_bytes_get_size (nb_person_get_photo (jurgen)), ==, 286);
}

static void
test_archived (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_person (store, "Ada Okafor", "", "");

  nb_store_set_person_archived (store, id, TRUE, &error);
  g_assert_no_error (error);

  report = import_text (store, "Name,Email\nAda Okafor,ada@x.example\n");
  g_assert_cmpuint (report->merged, ==, 1);
  g_assert_cmpuint (test_count_people (store), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("NETBOOK_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/merge/never-overwrites", test_never_overwrites);
  g_test_add_func ("/import/merge/email-url-name", test_match_by_email_url_name);
  g_test_add_func ("/import/merge/ambiguous-name", test_ambiguous_name);
  g_test_add_func ("/import/merge/within-file", test_within_file);
  g_test_add_func ("/import/merge/again", test_again);
  g_test_add_func ("/import/merge/connection-entry", test_connection_entry);
  g_test_add_func ("/import/merge/photos", test_photos);
  g_test_add_func ("/import/merge/archived", test_archived);

  return g_test_run ();
}
