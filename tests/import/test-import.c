/* test-import.c: whole imports into real stores: the exports of phones,
 * address books and LinkedIn, CSV columns, the report, errors and
 * hostile files.
 *
 * Merging duplicates is in test-import-merge.c; cancellation, failure,
 * the asynchronous import and large files in test-import-run.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "import-test-util.h"
#include "nb-import.h"

#define TODAY "2024-05-15"

static NbImportReport *
import_fixture (NbStore    *store,
                const char *name)
{
  g_autoptr(GBytes) data = test_fixture (name);
  g_autoptr(GError) error = NULL;
  NbImportReport *report;

  report = nb_import_bytes (store, data, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static NbImportReport *
import_text (NbStore         *store,
             const char      *text,
             NbImportFormat   format,
             GError         **error)
{
  g_autoptr(GBytes) data = g_bytes_new (text, strlen (text));
  g_autoptr(NbImportOptions) options = nb_import_options_new ();

  nb_import_options_set_format (options, format);
  return nb_import_bytes (store, data, options, NULL, NULL, NULL, error);
}

static NbImportIssue *
issue (NbImportReport *report,
       guint           i)
{
  g_assert_cmpuint (i, <, report->issues->len);
  return g_ptr_array_index (report->issues, i);
}

static void
assert_place (NbImportIssue *item,
              const char    *place)
{
  g_autofree char *text = nb_import_issue_dup_place (item);

  g_assert_cmpstr (text, ==, place);
}

static void
assert_values (NbPerson           *person,
               NbPersonField       field,
               const char * const *expected)
{
  g_auto(GStrv) values = test_values (person, field);

  g_assert_cmpstrv (values, expected);
}

static GPtrArray *
timeline (NbStore  *store,
          NbPerson *person)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = nb_store_list_entries (store, nb_person_get_id (person), &error);

  g_assert_no_error (error);
  return entries;
}

/* ---- formats -------------------------------------------------------------- */

static void
test_detect (void)
{
  const struct {
    const char     *fixture;
    NbImportFormat  format;
  } fixtures[] = {
    { "android-2.1.vcf", NB_IMPORT_FORMAT_VCARD },
    { "apple-3.0.vcf", NB_IMPORT_FORMAT_VCARD },
    { "google-3.0.vcf", NB_IMPORT_FORMAT_VCARD },
    { "outlook-2.1.vcf", NB_IMPORT_FORMAT_VCARD },
    { "gnome-contacts.vcf", NB_IMPORT_FORMAT_VCARD },
    { "linkedin-connections.csv", NB_IMPORT_FORMAT_LINKEDIN },
    { "google-contacts.csv", NB_IMPORT_FORMAT_CSV },
    { "google-legacy.csv", NB_IMPORT_FORMAT_CSV },
    { "outlook-contacts.csv", NB_IMPORT_FORMAT_CSV },
  };
  const struct {
    const char     *text;
    NbImportFormat  format;
  } texts[] = {
    { "", NB_IMPORT_FORMAT_AUTO },
    { " \n\r\n", NB_IMPORT_FORMAT_AUTO },
    { "just words", NB_IMPORT_FORMAT_AUTO },
    { "  {\"format\": \"netbook\"}", NB_IMPORT_FORMAT_JSON },
    { "garbage\n  begin:vcard\nFN:x\nEND:VCARD", NB_IMPORT_FORMAT_VCARD },
    { "Name;Firma\nA;B\n", NB_IMPORT_FORMAT_CSV },
    { "First Name,Last Name,Email Address,Company,Position,Connected On\n", NB_IMPORT_FORMAT_LINKEDIN },
  };
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR,a,b";

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(GBytes) data = test_fixture (fixtures[i].fixture);

      g_test_message ("%s", fixtures[i].fixture);
      g_assert_cmpint (nb_import_detect_format (data), ==, fixtures[i].format);
    }

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) data = g_bytes_new (texts[i].text, strlen (texts[i].text));

      g_assert_cmpint (nb_import_detect_format (data), ==, texts[i].format);
    }

  {
    g_autoptr(GBytes) data = g_bytes_new_static (binary, sizeof binary - 1);

    g_assert_cmpint (nb_import_detect_format (data), ==, NB_IMPORT_FORMAT_AUTO);
  }

  for (guint i = 0; i <= NB_IMPORT_FORMAT_JSON; i++)
    {
      NbImportFormat format;

      g_assert_true (nb_import_format_from_string (nb_import_format_to_string (i), &format));
      g_assert_cmpint (format, ==, i);
    }
  g_assert_false (nb_import_format_from_string ("xml", NULL));
}

static void
test_guess_columns (void)
{
  const struct {
    const char         *header;
    NbImportColumnKind  kind;
    NbPersonField       field;
  } cases[] = {
    { "Name", NB_IMPORT_COLUMN_FIELD, NB_PERSON_DISPLAY_NAME },
    { "Full Name", NB_IMPORT_COLUMN_FIELD, NB_PERSON_DISPLAY_NAME },
    { "Given Name", NB_IMPORT_COLUMN_FIELD, NB_PERSON_GIVEN_NAME },
    { "First Name", NB_IMPORT_COLUMN_FIELD, NB_PERSON_GIVEN_NAME },
    { "Family Name", NB_IMPORT_COLUMN_FIELD, NB_PERSON_FAMILY_NAME },
    { "E-mail 1 - Value", NB_IMPORT_COLUMN_FIELD, NB_PERSON_EMAILS },
    { "E-mail 2 Address", NB_IMPORT_COLUMN_FIELD, NB_PERSON_EMAILS },
    { "E-mail 1 - Type", NB_IMPORT_COLUMN_IGNORE, 0 },
    { "Organization 1 - Name", NB_IMPORT_COLUMN_FIELD, NB_PERSON_COMPANY },
    { "Organization Name", NB_IMPORT_COLUMN_FIELD, NB_PERSON_COMPANY },
    { "Organization 1 - Title", NB_IMPORT_COLUMN_FIELD, NB_PERSON_ROLE },
    { "Job Title", NB_IMPORT_COLUMN_FIELD, NB_PERSON_ROLE },
    { "Phone 1 - Value", NB_IMPORT_COLUMN_FIELD, NB_PERSON_PHONES },
    { "Mobile Phone", NB_IMPORT_COLUMN_FIELD, NB_PERSON_PHONES },
    { "Website 1 - Value", NB_IMPORT_COLUMN_FIELD, NB_PERSON_URLS },
    { "Notes", NB_IMPORT_COLUMN_NOTES, 0 },
    { "Labels", NB_IMPORT_COLUMN_TAGS, 0 },
    { "Group Membership", NB_IMPORT_COLUMN_TAGS, 0 },
    { "Birthday", NB_IMPORT_COLUMN_FIELD, NB_PERSON_BIRTHDAY },
    { "Connected On", NB_IMPORT_COLUMN_FIELD, NB_PERSON_MET_DATE },
    { "target_market", NB_IMPORT_COLUMN_FIELD, NB_PERSON_TARGET_MARKET },
    { "Ideal referral", NB_IMPORT_COLUMN_FIELD, NB_PERSON_TARGET_MARKET },
    { "  EMAIL  ", NB_IMPORT_COLUMN_FIELD, NB_PERSON_EMAILS },
    { "Photo", NB_IMPORT_COLUMN_IGNORE, 0 },
    { "\xFF\xFE", NB_IMPORT_COLUMN_IGNORE, 0 },
    { "", NB_IMPORT_COLUMN_IGNORE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      NbImportColumn column = nb_import_guess_column (cases[i].header);

      g_test_message ("header %u", i);
      g_assert_cmpint (column.kind, ==, cases[i].kind);
      if (column.kind == NB_IMPORT_COLUMN_FIELD)
        g_assert_cmpint (column.field, ==, cases[i].field);
    }
}

static void
test_csv_headers (void)
{
  g_autoptr(GBytes) google = test_fixture ("google-contacts.csv");
  g_autoptr(GBytes) outlook = test_fixture ("outlook-contacts.csv");
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) headers = NULL;
  g_auto(GStrv) outlook_headers = NULL;
  g_auto(GStrv) none = NULL;

  headers = nb_import_read_csv_headers (google, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (headers), ==, 34);
  g_assert_cmpstr (headers[0], ==, "First Name");
  g_assert_cmpstr (headers[18], ==, "E-mail 1 - Value");

  outlook_headers = nb_import_read_csv_headers (outlook, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlook_headers[7], ==, "Job Title");

  none = nb_import_read_csv_headers (empty, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

/* ---- real exports ----------------------------------------------------- */

static void
test_android (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbImportReport) report = import_fixture (store, "android-2.1.vcf");
  g_autoptr(NbPerson) juergen = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GBytes *photo;

  g_assert_cmpuint (report->added, ==, 3);
  g_assert_cmpuint (report->merged, ==, 0);
  g_assert_cmpuint (report->skipped, ==, 1);
  g_assert_cmpuint (report->issues->len, ==, 1);
  g_assert_true (issue (report, 0)->skipped);
  assert_place (issue (report, 0), "card 3");
  g_assert_cmpstr (issue (report, 0)->reason, ==, "It has no name.");
  g_assert_cmpstr (issue (report, 0)->name, ==, "");

  juergen = test_find_person (store, "Jürgen Müller");
  g_assert_nonnull (juergen);
  g_assert_cmpstr (nb_person_get_company (juergen), ==, "Bäckerei Müller");
  g_assert_cmpstr (nb_person_get_role (juergen), ==, "Owner");
  g_assert_cmpstr (nb_person_get_field (juergen, NB_PERSON_BIRTHDAY), ==, "1975-04-15");
  assert_values (juergen, NB_PERSON_PHONES, (const char *[]) { "+49 30 1234567", "+49 170 1234567", NULL });
  photo = nb_person_get_photo (juergen);
  g_assert_nonnull (photo);
  g_assert_cmpuint (g_bytes_get_size (photo), ==, 286);

  entries = timeline (store, juergen);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpint (nb_entry_get_kind (g_ptr_array_index (entries, 0)), ==, NB_ENTRY_NOTE);
  g_assert_cmpstr (nb_entry_get_date (g_ptr_array_index (entries, 0)), ==, TODAY);
  g_assert_nonnull (strstr (nb_entry_get_text (g_ptr_array_index (entries, 0)), "Kreuzberg.\nLikes"));
}

static void
test_apple_google_outlook_gnome (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbImportReport) apple = import_fixture (store, "apple-3.0.vcf");
  g_autoptr(NbImportReport) outlook = import_fixture (store, "outlook-2.1.vcf");
  g_autoptr(NbImportReport) gnome = import_fixture (store, "gnome-contacts.vcf");
  g_autoptr(NbImportReport) google = import_fixture (store, "google-3.0.vcf");
  g_autoptr(NbPerson) zoe = test_find_person (store, "Zoë Ångström");
  g_autoptr(NbPerson) flour = test_find_person (store, "Smith Flour Ltd");
  g_autoptr(NbPerson) guenther = test_find_person (store, "Günther Weiß");
  g_autoptr(NbPerson) dinesh = test_find_person (store, "Dinesh Patel");
  g_autoptr(NbPerson) tom = test_find_person (store, "Tom O'Brien");
  g_autoptr(NbPerson) maria = test_find_person (store, "Maria Rossi");

  g_assert_cmpuint (apple->added, ==, 2);
  g_assert_cmpuint (outlook->added, ==, 2);
  g_assert_cmpuint (gnome->added, ==, 2);
  /* Tom is in GNOME Contacts and Google: his email, in another case. */
  g_assert_cmpuint (google->added, ==, 1);
  g_assert_cmpuint (google->merged, ==, 1);
  g_assert_cmpuint (test_count_people (store), ==, 7);

  g_assert_cmpstr (nb_person_get_role (zoe), ==, "Owner, Sales");
  g_assert_cmpstr (nb_person_get_field (zoe, NB_PERSON_LOCATION), ==, "London, United Kingdom");
  g_assert_cmpstr (nb_person_get_field (zoe, NB_PERSON_BIRTHDAY), ==, "");
  assert_values (zoe, NB_PERSON_URLS, (const char *[]) { "https://acme-bakery.example",
                                                        "https://www.linkedin.com/in/zoeangstrom", NULL });
  g_assert_nonnull (nb_person_get_photo (zoe));

  /* A business card is named after the business. */
  g_assert_nonnull (flour);
  g_assert_cmpstr (nb_person_get_company (flour), ==, "Smith Flour Ltd");

  g_assert_cmpstr (nb_person_get_role (guenther), ==, "Einkäufer, Einkauf");
  assert_values (guenther, NB_PERSON_EMAILS, (const char *[]) { "g.weiss@mueller-soehne.example", NULL });

  assert_values (dinesh, NB_PERSON_PHONES, (const char *[]) { "+1-555-555-0100", "+1-555-555-0199 ext. 42", NULL });
  g_assert_nonnull (nb_person_get_photo (dinesh));
  g_assert_true (nb_person_has_tag (dinesh, "BNI"));
  g_assert_true (nb_person_has_tag (dinesh, "lawyers"));

  g_assert_true (nb_person_has_tag (tom, "starred"));
  g_assert_cmpstr (nb_person_get_field (tom, NB_PERSON_BIRTHDAY), ==, "");

  /* Google's "myContacts" is no tag. */
  g_assert_true (nb_person_has_tag (maria, "Designers"));
  g_assert_false (nb_person_has_tag (maria, "myContacts"));
  g_assert_null (nb_person_get_photo (maria));
}

static void
test_linkedin (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbImportReport) report = import_fixture (store, "linkedin-connections.csv");
  g_autoptr(NbPerson) ada = test_find_person (store, "Ada Okafor");
  g_autoptr(NbPerson) guenther = test_find_person (store, "Günther Weiß");
  g_autoptr(NbPerson) hana = test_find_person (store, "Hana Nakamura");
  g_autoptr(GPtrArray) entries = NULL;
  NbEntry *entry;

  g_assert_cmpuint (report->added, ==, 4);
  g_assert_cmpuint (report->skipped, ==, 1);
  assert_place (issue (report, 0), "line 10");
  g_assert_cmpstr (issue (report, 0)->reason, ==, "It has no name.");

  g_assert_cmpstr (nb_person_get_company (ada), ==, "Okafor, Nwosu & Partners");
  g_assert_cmpstr (nb_person_get_role (ada), ==, "Head of Growth, EMEA");
  g_assert_cmpstr (nb_person_get_field (ada, NB_PERSON_MET_DATE), ==, "2024-01-12");
  assert_values (ada, NB_PERSON_EMAILS, (const char *[]) { "ada@okafor.example", NULL });
  assert_values (ada, NB_PERSON_URLS, (const char *[]) { "https://www.linkedin.com/in/adaokafor", NULL });

  entries = timeline (store, ada);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (nb_entry_get_kind (entry), ==, NB_ENTRY_NOTE);
  g_assert_cmpstr (nb_entry_get_date (entry), ==, "2024-01-12");
  g_assert_cmpstr (nb_entry_get_text (entry), ==, "Connected on LinkedIn");

  /* A position over two lines is one line of role. */
  g_assert_cmpstr (nb_person_get_role (guenther), ==, "Einkäufer (Procurement, \"strategic\")");
  g_assert_cmpstr (nb_person_get_field (hana, NB_PERSON_MET_DATE), ==, "2021-03-01");
}

static void
test_google_csv (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbImportReport) report = import_fixture (store, "google-contacts.csv");
  g_autoptr(NbImportReport) legacy = import_fixture (store, "google-legacy.csv");
  g_autoptr(NbPerson) maria = test_find_person (store, "Maria Rossi");
  g_autoptr(NbPerson) fatima = test_find_person (store, "Fatima Silva");
  g_autoptr(NbPerson) carla = test_find_person (store, "Carla Bianchi");
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_cmpuint (report->added, ==, 2);
  g_assert_cmpuint (report->issues->len, ==, 0);
  g_assert_cmpuint (legacy->added, ==, 1);

  g_assert_cmpstr (nb_person_get_company (maria), ==, "Rossi Design");
  g_assert_cmpstr (nb_person_get_role (maria), ==, "Creative Director");
  g_assert_cmpstr (nb_person_get_field (maria, NB_PERSON_BIRTHDAY), ==, "1982-02-28");
  g_assert_cmpstr (nb_person_get_field (maria, NB_PERSON_LOCATION), ==, "Milano");
  assert_values (maria, NB_PERSON_EMAILS, (const char *[]) { "maria@rossi-design.example",
                                                            "maria@studio.example",
                                                            "maria.rossi@gmail.example", NULL });
  g_assert_true (nb_person_has_tag (maria, "Designers"));
  g_assert_false (nb_person_has_tag (maria, "myContacts"));
  entries = timeline (store, maria);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (nb_entry_get_text (g_ptr_array_index (entries, 0)), ==,
                   "Introduced by Tom.\nLooking for print partners.");

  g_assert_true (nb_person_has_tag (fatima, "starred"));
  g_assert_cmpstr (nb_person_get_field (fatima, NB_PERSON_BIRTHDAY), ==, "");

  g_assert_cmpstr (nb_person_get_company (carla), ==, "Bianchi & Co");
  g_assert_cmpstr (nb_person_get_role (carla), ==, "Accountant");
  g_assert_true (nb_person_has_tag (carla, "Clients"));
}

static void
test_outlook_csv (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbImportReport) report = import_fixture (store, "outlook-contacts.csv");
  g_autoptr(NbPerson) guenther = test_find_person (store, "Günther Weiß");
  g_autoptr(NbPerson) renee = test_find_person (store, "Renée Dubois");

  g_assert_cmpuint (report->added, ==, 2);
  /* "Title" is "Hr." when there is a "Job Title". */
  g_assert_cmpstr (nb_person_get_role (guenther), ==, "Einkäufer");
  g_assert_cmpstr (nb_person_get_field (guenther, NB_PERSON_LOCATION), ==, "München");
  g_assert_true (nb_person_has_tag (guenther, "Lieferanten"));
  g_assert_true (nb_person_has_tag (guenther, "Messe 2023"));
  assert_values (guenther, NB_PERSON_PHONES, (const char *[]) { "+49 89 123456", "+49 171 987654", NULL });
  assert_values (renee, NB_PERSON_EMAILS, (const char *[]) { "renee@cafe-dubois.example",
                                                            "renee.dubois@mail.example", NULL });
}

static void
test_csv_mapping (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbImportOptions) options = nb_import_options_new ();
  g_autoptr(NbImportOptions) copy = NULL;
  g_autoptr(NbImportReport) report = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbPerson) person = NULL;
  const char *text = "Who,Where from,Kind,Misc\n"
                     "Ada Okafor,Chamber breakfast,vip; bni,secret\n";
  const NbImportColumn columns[] = {
    { NB_IMPORT_COLUMN_FIELD, NB_PERSON_DISPLAY_NAME },
    { NB_IMPORT_COLUMN_FIELD, NB_PERSON_MET_WHERE },
    { NB_IMPORT_COLUMN_TAGS, 0 },
  };

  data = g_bytes_new (text, strlen (text));

  /* Guessed: no column holds names. */
  report = nb_import_bytes (store, data, NULL, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  nb_import_options_set_format (options, NB_IMPORT_FORMAT_CSV);
  nb_import_options_set_csv_columns (options, columns, G_N_ELEMENTS (columns));
  copy = nb_import_options_copy (options);
  g_assert_cmpint (nb_import_options_get_format (copy), ==, NB_IMPORT_FORMAT_CSV);

  report = nb_import_bytes (store, data, copy, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 1);

  person = test_find_person (store, "Ada Okafor");
  g_assert_cmpstr (nb_person_get_field (person, NB_PERSON_MET_WHERE), ==, "Chamber breakfast");
  g_assert_true (nb_person_has_tag (person, "vip"));
  g_assert_true (nb_person_has_tag (person, "bni"));
}

/* ---- errors and the report ------------------------------------------- */

static void
test_malformed (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  const struct {
    const char     *text;
    NbImportFormat  format;
    const char     *message_part;
  } cases[] = {
    { "", NB_IMPORT_FORMAT_AUTO, "empty" },
    { "hello", NB_IMPORT_FORMAT_AUTO, "not a file Netbook can import" },
    { "Name,Email\nAda,a@x\n", NB_IMPORT_FORMAT_VCARD, "BEGIN:VCARD" },
    { "Name,Email\nAda,a@x\n", NB_IMPORT_FORMAT_LINKEDIN, "Connected On" },
    { "", NB_IMPORT_FORMAT_CSV, "empty" },
    { "Name,Email\nAda,\"a@x\nBob,b@x\n", NB_IMPORT_FORMAT_AUTO, "Line 2" },
    { "Email,Phone\na@x,1\n", NB_IMPORT_FORMAT_CSV, "holds names" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NbImportReport) report = import_text (store, cases[i].text, cases[i].format, &error);

      g_test_message ("case %u", i);
      g_assert_null (report);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
    }

  g_assert_cmpuint (test_count_people (store), ==, 0);
}

static void
test_files (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autofree char *dir = g_path_get_dirname (nb_store_get_path (store));
  g_autofree char *missing_path = g_build_filename (dir, "missing.vcf", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.vcf", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "import", "data", "apple-3.0.vcf", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) good = g_file_new_for_path (fixture);
  g_autoptr(NbImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = nb_import_file (store, missing, NULL, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing.vcf"));
  g_clear_error (&error);

  report = nb_import_file (store, folder, NULL, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  test_write_file (bad_path, "BEGIN:VCALENDAR\n", 16);
  report = nb_import_file (store, bad, NULL, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_true (g_str_has_prefix (error->message, bad_path));
  g_clear_error (&error);

  report = nb_import_file (store, good, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 2);
}

static void
test_report (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(NbImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  g_string_append (text, "BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nEND:VCARD\n");
  g_string_append (text, "BEGIN:VCARD\nVERSION:3.0\nFN: \t \nEND:VCARD\n");
  g_string_append (text, "BEGIN:VCARD\nVERSION:3.0\nFN:Bad \xC3\nEND:VCARD\n");
  g_string_append (text, "BEGIN:VCARD\nVERSION:3.0\nFN:Pic\nPHOTO;ENCODING=b:aGVsbG8=\nEND:VCARD\n");
  g_string_append (text, "BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nEMAIL:ada@example.com\nEND:VCARD\n");
  g_string_append (text, "BEGIN:VCARD\nVERSION:3.0\nFN:Cut");

  report = import_text (store, text->str, NB_IMPORT_FORMAT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 2);
  g_assert_cmpuint (report->merged, ==, 1);
  g_assert_cmpuint (report->skipped, ==, 3);
  g_assert_cmpuint (report->issues->len, ==, 4);

  assert_place (issue (report, 0), "card 2");
  g_assert_cmpstr (issue (report, 0)->reason, ==, "It has no name.");
  assert_place (issue (report, 1), "card 3");
  g_assert_cmpstr (issue (report, 1)->reason, ==, "It contains text that is not valid UTF-8.");
  g_assert_true (g_utf8_validate (issue (report, 1)->name, -1, NULL));
  /* A warning: the card was imported without its photo. */
  assert_place (issue (report, 2), "card 4");
  g_assert_false (issue (report, 2)->skipped);
  g_assert_cmpstr (issue (report, 2)->name, ==, "Pic");
  assert_place (issue (report, 3), "card 6");
  g_assert_cmpstr (issue (report, 3)->name, ==, "Cut");
  g_assert_cmpstr (issue (report, 3)->reason, ==, "The file ends before its END:VCARD.");

  label = nb_import_issue_dup_place_label (issue (report, 3));
  g_assert_cmpstr (label, ==, "Card 6");
}

static void
test_hostile (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  static const char nul_csv[] = "Name,Email\nAda\0x,a@x\nBob,b@x\n";
  g_autoptr(GBytes) nul_data = g_bytes_new_static (nul_csv, sizeof nul_csv - 1);
  g_autoptr(NbImportReport) nul = NULL;
  g_autoptr(NbImportReport) markup = NULL;
  g_autoptr(NbImportReport) damaged = NULL;
  g_autoptr(NbImportReport) legacy = NULL;
  g_autoptr(NbImportReport) dates = NULL;
  g_autoptr(NbImportReport) big = NULL;
  g_autoptr(NbPerson) bold = NULL;
  g_autoptr(NbPerson) cafe = NULL;
  g_autoptr(NbPerson) when = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GString) large = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  nul = nb_import_bytes (store, nul_data, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nul->added, ==, 1);
  g_assert_cmpuint (nul->skipped, ==, 1);
  assert_place (issue (nul, 0), "line 2");

  markup = import_text (store, "Name,Company\n\"<b>Bold</b> & <i>co</i>\",\"<a href='x'>Inc</a>\"\n",
                        NB_IMPORT_FORMAT_AUTO, &error);
  g_assert_no_error (error);
  bold = test_find_person (store, "<b>Bold</b> & <i>co</i>");
  g_assert_nonnull (bold);
  g_assert_cmpstr (nb_person_get_company (bold), ==, "<a href='x'>Inc</a>");

  /* UTF-8 with a damaged row: that row is skipped. */
  damaged = import_text (store, "Name,Email\nZoë,z@x\nBad \xFF row,b@x\n", NB_IMPORT_FORMAT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (damaged->added, ==, 1);
  g_assert_cmpuint (damaged->skipped, ==, 1);
  g_assert_cmpstr (issue (damaged, 0)->reason, ==, "It contains text that is not valid UTF-8.");

  /* No UTF-8 at all: a Windows-1252 export. */
  legacy = import_text (store, "Name,Email\nCaf\xE9 \x93Owner\x94,c@x\n", NB_IMPORT_FORMAT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (legacy->added, ==, 1);
  cafe = test_find_person (store, "Café “Owner”");
  g_assert_nonnull (cafe);

  dates = import_text (store,
                       "BEGIN:VCARD\nVERSION:3.0\nFN:When\nBDAY:0000-00-00\nEND:VCARD\n"
                       "BEGIN:VCARD\nVERSION:3.0\nFN:When\nBDAY:--0415\nEND:VCARD\n"
                       "BEGIN:VCARD\nVERSION:3.0\nFN:When\nBDAY:2023-02-30\nEND:VCARD\n",
                       NB_IMPORT_FORMAT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dates->added, ==, 1);
  g_assert_cmpuint (dates->merged, ==, 2);
  when = test_find_person (store, "When");
  g_assert_cmpstr (nb_person_get_field (when, NB_PERSON_BIRTHDAY), ==, "");

  /* 10 MB: cards with large photos, and large properties nobody reads. */
  g_string_append (note, "/9j/");
  while (note->len < 1400 * 1024)
    g_string_append (note, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (large, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Large %u\r\n%s:%s\r\nEND:VCARD\r\n",
                            i, i % 2 ? "X-JUNK" : "PHOTO;ENCODING=b;TYPE=JPEG", note->str);
  g_assert_cmpuint (large->len, >=, 10 * 1024 * 1024);
  big = import_text (store, large->str, NB_IMPORT_FORMAT_AUTO, &error);
  g_assert_no_error (error);
  {
    g_autoptr(NbPerson) large_0 = test_find_person (store, "Large 0");

    g_assert_nonnull (nb_person_get_photo (large_0));
    g_assert_cmpuint (g_bytes_get_size (nb_person_get_photo (large_0)), >, 1024 * 1024);
  }
  g_assert_cmpuint (big->added, ==, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("NETBOOK_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/detect", test_detect);
  g_test_add_func ("/import/guess-columns", test_guess_columns);
  g_test_add_func ("/import/csv-headers", test_csv_headers);
  g_test_add_func ("/import/android", test_android);
  g_test_add_func ("/import/apple-google-outlook-gnome", test_apple_google_outlook_gnome);
  g_test_add_func ("/import/linkedin", test_linkedin);
  g_test_add_func ("/import/google-csv", test_google_csv);
  g_test_add_func ("/import/outlook-csv", test_outlook_csv);
  g_test_add_func ("/import/csv-mapping", test_csv_mapping);
  g_test_add_func ("/import/malformed", test_malformed);
  g_test_add_func ("/import/files", test_files);
  g_test_add_func ("/import/report", test_report);
  g_test_add_func ("/import/hostile", test_hostile);

  return g_test_run ();
}
